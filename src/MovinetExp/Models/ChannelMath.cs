namespace MovinetExp.Models;

/// <summary>Channel-width rounding used by TF Model Garden (nn_layers.make_divisible).</summary>
public static class ChannelMath
{
    /// <summary>Rounds to the nearest multiple of <paramref name="divisor"/> (at least the divisor),
    /// adding one more step if rounding lost more than 10%.</summary>
    public static int MakeDivisible(double value, int divisor = 8)
    {
        int rounded = Math.Max(divisor, (int)((value + divisor / 2.0) / divisor) * divisor);
        if (rounded < 0.9 * value) rounded += divisor;
        return rounded;
    }

    /// <summary>SE hidden width: make_divisible(0.25 · E · m, 8), m = 2 when the squeeze
    /// concatenates two poolings (se_type 2plus3d).</summary>
    public static int SqueezeExcitationWidth(int expansion, SeType seType) =>
        MakeDivisible(0.25 * expansion * (seType == SeType.TwoPlusThreeD ? 2 : 1));
}
