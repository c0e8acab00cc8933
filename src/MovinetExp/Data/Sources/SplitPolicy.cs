namespace MovinetExp.Data.Sources;

/// <summary>How videos of one class are dealt into train/val/test.</summary>
public enum SplitPolicy
{
    /// <summary>
    /// Whole groups go to one split: UCF101 clips of one group come from one long video, so splitting
    /// a group lets near-identical frames appear in train and test and inflates accuracy.
    /// </summary>
    Group,

    /// <summary>Seeded per-class shuffle of single files, as the TF tutorial does (it leaks groups).</summary>
    Random,
}
