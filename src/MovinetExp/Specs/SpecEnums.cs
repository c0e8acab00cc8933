namespace MovinetExp.Specs;

// The closed choice sets of the experiment spec. In YAML each member is written in snake_case
// (see SpecNames), e.g. FromBlock -> from_block, Ucf101 -> ucf101.

/// <summary>Where the videos come from.</summary>
public enum DataSource { Ucf101, Folder, List, Synthetic }

/// <summary>How frames are brought to a square resolution.</summary>
public enum ResizeMode { Pad, Crop }

/// <summary>Where a clip starts within its video.</summary>
public enum SamplingMode { Random, Deterministic }

/// <summary>What to do with a video that cannot be decoded.</summary>
public enum BadFilesPolicy { Skip, Fail }

/// <summary>The MoViNet architecture size.</summary>
public enum ModelId { A0, A1, A2, A3, A4, A5 }

/// <summary>The checkpoint family: whole-clip (base) or causal streaming (stream).</summary>
public enum ModelVariant { Base, Stream }

/// <summary>Which checkpoint variables are restored.</summary>
public enum LoadMode { Auto, Full, Backbone }

/// <summary>Which parameters are kept frozen during training.</summary>
public enum FreezeMode { Backbone, None, FromBlock }

/// <summary>The hard-sigmoid formula used by squeeze-excitation gates.</summary>
public enum HardSigmoidMode { Keras, Relu6 }

/// <summary>The optimiser.</summary>
public enum OptimizerKind { Adam, Adamw, Sgd, Rmsprop }

/// <summary>The learning-rate schedule after warm-up.</summary>
public enum ScheduleKind { Constant, Cosine }

/// <summary>Whether frozen-backbone features may be computed once and reused.</summary>
public enum FeatureCacheMode { Auto, Off }

/// <summary>Where tensors live.</summary>
public enum DeviceKind { Auto, Cpu, Cuda }
