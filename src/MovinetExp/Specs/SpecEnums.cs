namespace MovinetExp.Specs;

// The closed choice sets that only the experiment spec has. In YAML each member is written as
// EnumNames spells it (snake_case), e.g. FromBlock -> from_block, Ucf101 -> ucf101. The choices a lower
// layer also has are that layer's enums (e.g. Data.Video.ClipStart, Models.MovinetVariant), used by the
// spec classes directly so that no value needs mapping.

/// <summary>Where the videos come from.</summary>
public enum DataSource { Ucf101, Folder, List, Synthetic }

/// <summary>Which parameters are kept frozen during training.</summary>
public enum FreezeMode { Backbone, None, FromBlock }

/// <summary>The learning-rate schedule after warm-up.</summary>
public enum ScheduleKind { Constant, Cosine }

/// <summary>Whether frozen-backbone features may be computed once and reused.</summary>
public enum FeatureCacheMode { Auto, Off }
