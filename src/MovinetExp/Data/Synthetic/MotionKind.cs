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
    RotateClockwise,
    RotateAnticlockwise,
    Grow,
    Shrink,
}

/// <summary>Class names of the motion kinds, as folder names.</summary>
public static class MotionKinds
{
    private static readonly (MotionKind Kind, string Name)[] Names =
    [
        (MotionKind.MoveLeft, "move_left"), (MotionKind.MoveRight, "move_right"),
        (MotionKind.MoveUp, "move_up"), (MotionKind.MoveDown, "move_down"),
        (MotionKind.RotateClockwise, "rotate_cw"), (MotionKind.RotateAnticlockwise, "rotate_ccw"),
        (MotionKind.Grow, "grow"), (MotionKind.Shrink, "shrink"),
    ];

    /// <summary>All kinds in a fixed order; a class count takes the first N.</summary>
    public static IReadOnlyList<MotionKind> All { get; } = Names.Select(n => n.Kind).ToArray();

    public static string Name(MotionKind kind) => Names.First(n => n.Kind == kind).Name;

    /// <summary>The kind for a class name such as "move_left"; a SpecException lists the valid names.</summary>
    public static MotionKind Parse(string name)
    {
        foreach (var (kind, known) in Names)
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase)) return kind;
        throw new SpecException($"unknown synthetic class '{name}'; expected one of: {string.Join(", ", Names.Select(n => n.Name))}.");
    }
}
