using MovinetExp.Common;

namespace MovinetExp.Data.Synthetic;

/// <summary>
/// What the shape in a synthetic video does. Classes come in mirrored pairs (left/right, cw/ccw,
/// grow/shrink) whose single frames look alike, so telling them apart needs motion over time.
/// </summary>
public enum MotionKind
{
    MoveLeft,
    MoveRight,
    MoveUp,
    MoveDown,
    // The class folders and data.synthetic.kinds have always used the short forms.
    [EnumName("rotate_cw")]
    RotateClockwise,
    [EnumName("rotate_ccw")]
    RotateAnticlockwise,
    Grow,
    Shrink,
}

/// <summary>Class names of the motion kinds, as folder names; spelt by <see cref="EnumNames"/>.</summary>
public static class MotionKinds
{
    /// <summary>All kinds in a fixed order (the declaration order); a class count takes the first N.</summary>
    public static IReadOnlyList<MotionKind> All { get; } = Enum.GetValues<MotionKind>();

    public static string Name(MotionKind kind) => EnumNames.Of(kind);

    /// <summary>The kind for a class name such as "move_left", in any case; a UsageException lists the valid names.</summary>
    public static MotionKind Parse(string name)
    {
        foreach (MotionKind kind in All)
            if (string.Equals(Name(kind), name, StringComparison.OrdinalIgnoreCase)) return kind;
        throw new UsageException($"unknown synthetic class '{name}'; expected one of: {string.Join(", ", EnumNames.AllOf<MotionKind>())}.");
    }
}
