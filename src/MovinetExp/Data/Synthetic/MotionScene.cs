using OpenCvSharp;

namespace MovinetExp.Data.Synthetic;

/// <summary>
/// One synthetic video's content: a textured background and an asymmetric polygon whose position,
/// angle or size changes linearly with time according to its <see cref="MotionKind"/>. All random
/// choices (shape, colours, size, speed, path) are drawn up front from the given generator.
/// Image coordinates have y pointing down, so an increasing angle turns the shape clockwise on screen.
/// </summary>
internal sealed class MotionScene : IDisposable
{
    // Outlines with no rotational symmetry (unit radius), so every rotation angle looks different.
    private static readonly Point2d[][] Shapes =
    [
        [new(1, 0), new(-0.3, 0.7), new(-0.1, 0), new(-0.3, -0.7)],                          // arrow head
        [new(-0.8, -0.8), new(0.2, -0.8), new(0.2, 0.3), new(0.9, 0.3), new(0.9, 0.9), new(-0.8, 0.9)], // L
        [new(0.95, 0.1), new(-0.6, 0.8), new(-0.5, -0.75)],                                  // scalene triangle
    ];

    private readonly Point2d[] _outline;
    private readonly Scalar _colour;
    private readonly int _lastFrame;
    private readonly MotionKind _kind;
    private readonly Point2d _from, _to;
    private readonly double _angleFrom, _angleTo, _sizeFrom, _sizeTo;

    public MotionScene(MotionKind kind, int height, int width, int frames, Random rng)
    {
        _kind = kind;
        _lastFrame = frames - 1;
        _outline = Shapes[rng.Next(Shapes.Length)];
        var backgroundColour = new Scalar(rng.Next(256), rng.Next(256), rng.Next(256));
        _colour = ContrastingColour(backgroundColour, rng);
        Background = TexturedBackground.Create(height, width, backgroundColour, rng);

        int shortSide = Math.Min(height, width);
        double size = shortSide * (0.09 + 0.07 * rng.NextDouble());
        double angle = rng.NextDouble() * 2 * Math.PI;
        (_sizeFrom, _sizeTo, _angleFrom, _angleTo) = (size, size, angle, angle);

        switch (kind)
        {
            case MotionKind.MoveLeft or MotionKind.MoveRight or MotionKind.MoveUp or MotionKind.MoveDown:
                (_from, _to) = StraightPath(kind, height, width, size, rng);
                break;
            case MotionKind.RotateClockwise or MotionKind.RotateAnticlockwise:
                double turn = _lastFrame * (4 + 5 * rng.NextDouble()) * Math.PI / 180; // 4-9 degrees per frame
                _angleTo = angle + (kind == MotionKind.RotateClockwise ? turn : -turn);
                _from = _to = RandomPoint(height, width, size, rng);
                break;
            case MotionKind.Grow or MotionKind.Shrink:
                double small = shortSide * (0.05 + 0.03 * rng.NextDouble());
                double large = Math.Min(small * (2 + rng.NextDouble()), shortSide * 0.3);
                (_sizeFrom, _sizeTo) = kind == MotionKind.Grow ? (small, large) : (large, small);
                _from = _to = RandomPoint(height, width, large, rng);
                break;
        }
    }

    /// <summary>The static background every frame is drawn on.</summary>
    public Mat Background { get; }

    /// <summary>Where the shape's centre is at frame <paramref name="t"/>.</summary>
    public Point2d Centre(int t)
    {
        double f = Progress(t);
        return new Point2d(_from.X + (_to.X - _from.X) * f, _from.Y + (_to.Y - _from.Y) * f);
    }

    /// <summary>Draws frame <paramref name="t"/> into <paramref name="frame"/>.</summary>
    public void Render(int t, Mat frame)
    {
        Background.CopyTo(frame);
        double f = Progress(t);
        double angle = _angleFrom + (_angleTo - _angleFrom) * f;
        double size = _sizeFrom + (_sizeTo - _sizeFrom) * f;
        var centre = Centre(t);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var points = _outline.Select(p => new Point(
            (int)Math.Round(centre.X + size * (p.X * cos - p.Y * sin)),
            (int)Math.Round(centre.Y + size * (p.X * sin + p.Y * cos)))).ToArray();
        Cv2.FillPoly(frame, [points], _colour, LineTypes.AntiAlias);
    }

    private double Progress(int t) => _lastFrame == 0 ? 0 : (double)t / _lastFrame;

    /// <summary>
    /// A path covering 30-55% of the frame along the motion axis, centred at a random point, so the
    /// shape's position in a single frame says little about its direction.
    /// </summary>
    private static (Point2d From, Point2d To) StraightPath(MotionKind kind, int height, int width, double size, Random rng)
    {
        bool horizontal = kind is MotionKind.MoveLeft or MotionKind.MoveRight;
        int along = horizontal ? width : height;
        double margin = size * 1.3;
        double travel = along * (0.3 + 0.25 * rng.NextDouble());
        double middle = margin + travel / 2 + rng.NextDouble() * Math.Max(0, along - 2 * margin - travel);
        double across = margin + rng.NextDouble() * Math.Max(0, (horizontal ? height : width) - 2 * margin);
        double sign = kind is MotionKind.MoveRight or MotionKind.MoveDown ? 1 : -1;
        double start = middle - sign * travel / 2, end = middle + sign * travel / 2;
        return horizontal
            ? (new Point2d(start, across), new Point2d(end, across))
            : (new Point2d(across, start), new Point2d(across, end));
    }

    private static Point2d RandomPoint(int height, int width, double size, Random rng)
    {
        double margin = size * 1.3;
        return new Point2d(
            margin + rng.NextDouble() * Math.Max(0, width - 2 * margin),
            margin + rng.NextDouble() * Math.Max(0, height - 2 * margin));
    }

    /// <summary>A random colour whose grey level differs from the background's by at least 90 (visible shape).</summary>
    private static Scalar ContrastingColour(Scalar background, Random rng)
    {
        double backgroundGrey = Grey(background);
        while (true)
        {
            var colour = new Scalar(rng.Next(256), rng.Next(256), rng.Next(256));
            if (Math.Abs(Grey(colour) - backgroundGrey) >= 90) return colour;
        }
    }

    private static double Grey(Scalar bgr) => 0.114 * bgr.Val0 + 0.587 * bgr.Val1 + 0.299 * bgr.Val2;

    public void Dispose() => Background.Dispose();
}
