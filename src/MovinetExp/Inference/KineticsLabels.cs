namespace MovinetExp.Inference;

/// <summary>The 600 Kinetics-600 class names, in the order of the released classifiers' outputs (shipped inside the tool).</summary>
public static class KineticsLabels
{
    private static readonly Lazy<IReadOnlyList<string>> Names = new(() =>
    {
        using var stream = typeof(KineticsLabels).Assembly.GetManifestResourceStream("MovinetExp.kinetics_600_labels.txt")
            ?? throw new InvalidOperationException("the Kinetics-600 label list is missing from the tool's assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToArray();
    });

    public static IReadOnlyList<string> All => Names.Value;
}
