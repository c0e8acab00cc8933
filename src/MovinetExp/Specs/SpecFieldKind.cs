namespace MovinetExp.Specs;

/// <summary>The YAML shape a spec key accepts.</summary>
internal enum SpecFieldKind { Integer, Number, Boolean, String, Enum, StringList, ClassSelection, SplitSize, Section }
