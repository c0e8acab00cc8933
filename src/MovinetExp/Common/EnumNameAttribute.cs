namespace MovinetExp.Common;

/// <summary>
/// Spells an enum member otherwise than the snake_case of its name (see <see cref="EnumNames"/>): for a word a
/// stored format already holds (specs, their hashes, dataset folders) that the member's name does not give. It
/// sits on the member, not in a table here, because Common may not name the enums of the layers above it; the
/// complete list of these exceptions is pinned by EnumNamesTests.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class EnumNameAttribute(string name) : Attribute
{
    /// <summary>The member's spelling in YAML, on the command line and in files.</summary>
    public string Name { get; } = name;
}
