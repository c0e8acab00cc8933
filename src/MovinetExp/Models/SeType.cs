namespace MovinetExp.Models;

/// <summary>How squeeze-excitation pools its input (TF option se_type).</summary>
public enum SeType
{
    /// <summary>"3d": spatio-temporal mean (cumulative over time when causal).</summary>
    ThreeD,

    /// <summary>"2d": per-frame spatial mean.</summary>
    TwoD,

    /// <summary>"2plus3d": concat(spatio-temporal or cumulative mean, per-frame mean), 2× channels.</summary>
    TwoPlusThreeD,

    /// <summary>No squeeze-excitation.</summary>
    None,
}
