namespace MovinetExp.Data.Sources;

/// <summary>The three splits of a dataset.</summary>
public enum SplitName
{
    Train,
    Val,
    Test,
}
