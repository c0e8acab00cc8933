using System.Text;

namespace MovinetExp.Checkpoints.Format;

/// <summary>
/// TensorFlow's escaping of object-graph edge names inside checkpoint keys and object paths
/// (trackable_utils.py): '.' becomes "..", then '/' becomes ".S", so '/' can separate path segments.
/// </summary>
public static class TrackableNames
{
    /// <summary>Infix between an object path and its attribute name in a bundle key.</summary>
    public const string AttributesInfix = "/.ATTRIBUTES/";

    /// <summary>Attribute name of a plain variable's value.</summary>
    public const string VariableValue = "VARIABLE_VALUE";

    /// <summary>Infix between a variable's path and its optimizer's path in a legacy slot-variable key.</summary>
    public const string OptimizerSlotInfix = "/.OPTIMIZER_SLOT/";

    public static string Escape(string localName) => localName.Replace(".", "..").Replace("/", ".S");

    /// <summary>Inverse of <see cref="Escape"/>; a '.' that starts no escape is kept as written.</summary>
    public static string Unescape(string segment)
    {
        if (!segment.Contains('.')) return segment;
        var sb = new StringBuilder(segment.Length);
        for (int i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '.' && i + 1 < segment.Length && segment[i + 1] is '.' or 'S')
            {
                sb.Append(segment[i + 1] == '.' ? '.' : '/');
                i++;
            }
            else sb.Append(segment[i]);
        }
        return sb.ToString();
    }

    /// <summary>The bundle key of attribute <paramref name="attribute"/> of the object at <paramref name="objectPath"/> (already escaped).</summary>
    public static string VariableKey(string objectPath, string attribute = VariableValue) =>
        objectPath + AttributesInfix + Escape(attribute);
}
