namespace MovinetExp.Models;

/// <summary>Collects <see cref="LayerSummary"/> rows while modules trace an input shape through themselves.</summary>
internal sealed class LayerTable
{
    private readonly List<LayerSummary> _rows = new();

    public IReadOnlyList<LayerSummary> Rows => _rows;

    public void Add(LayerSummary row) => _rows.Add(row);
}
