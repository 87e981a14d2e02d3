namespace Tokencast.Core.Planning;

/// <summary>Assigns each model a cost line, in the order the models are first met.</summary>
internal sealed class CostLineRegistry
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _indices = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Names => _names;

    public int Add(string model)
    {
        if (!_indices.TryGetValue(model, out var index))
        {
            index = _names.Count;
            _names.Add(model);
            _indices[model] = index;
        }

        return index;
    }

    public int? IndexOf(string model) => _indices.TryGetValue(model, out var index) ? index : null;
}
