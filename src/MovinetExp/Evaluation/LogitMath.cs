using System.Numerics;

namespace MovinetExp.Evaluation;

/// <summary>
/// Numerically stable softmax arithmetic on one row of logits, in double precision, and the
/// argmax/rank rules every metric shares so that top-1, top-k and the confusion matrix agree.
/// </summary>
public static class LogitMath
{
    /// <summary>
    /// log(softmax(x)) computed as x - (max + log(sum(exp(x - max)))): subtracting the maximum
    /// keeps exp() from overflowing for large logits and keeps the largest term exactly exp(0) = 1.
    /// </summary>
    public static double[] LogSoftmax(ReadOnlySpan<float> logits)
    {
        if (logits.Length == 0) throw new ArgumentException("A logits row must have at least one class.", nameof(logits));
        double max = double.NegativeInfinity;
        foreach (float x in logits) max = Math.Max(max, x);
        double sum = 0;
        foreach (float x in logits) sum += Math.Exp(x - max);
        double logSumExp = max + Math.Log(sum);
        var result = new double[logits.Length];
        for (int i = 0; i < logits.Length; i++) result[i] = logits[i] - logSumExp;
        return result;
    }

    /// <summary>softmax(x), from <see cref="LogSoftmax"/>.</summary>
    public static double[] Softmax(ReadOnlySpan<float> logits)
    {
        double[] p = LogSoftmax(logits);
        for (int i = 0; i < p.Length; i++) p[i] = Math.Exp(p[i]);
        return p;
    }

    /// <summary>Index of the largest value; on a tie the lowest index wins (the convention of numpy and torch).</summary>
    public static int ArgMax<T>(ReadOnlySpan<T> values) where T : IComparisonOperators<T, T, bool>
    {
        if (values.Length == 0) throw new ArgumentException("ArgMax of an empty row is undefined.", nameof(values));
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }

    /// <summary>
    /// 0-based rank of class <paramref name="index"/> when classes are sorted by descending value with
    /// ties broken by lower index first; rank 0 is exactly the <see cref="ArgMax{T}(ReadOnlySpan{T})"/> class.
    /// </summary>
    public static int Rank(ReadOnlySpan<float> values, int index)
    {
        float v = values[index];
        int rank = 0;
        for (int j = 0; j < values.Length; j++)
            if (values[j] > v || (values[j] == v && j < index)) rank++;
        return rank;
    }
}
