namespace Tokencast.Core.Inputs;

/// <summary>
/// Reads through another source and keeps the text of every file opened, keyed by full path, so that
/// the same reads can be repeated later from <see cref="InMemoryInputFiles"/>.
/// </summary>
public sealed class RecordingInputFiles : IInputFiles
{
    private readonly IInputFiles _inner;
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _found = new(StringComparer.Ordinal);

    /// <summary>Creates a recorder that reads from <paramref name="inner"/>.</summary>
    public RecordingInputFiles(IInputFiles inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>
    /// Text of every file opened so far, keyed by full path. A file opened twice keeps its last text.
    /// </summary>
    public IReadOnlyDictionary<string, string> Texts => _texts;

    /// <inheritdoc/>
    public bool Exists(string fullPath)
    {
        var exists = _inner.Exists(fullPath);
        if (exists)
        {
            _found.Add(fullPath);
        }

        return exists;
    }

    /// <inheritdoc/>
    public long Length(string fullPath) => _inner.Length(fullPath);

    /// <summary>
    /// Reads the whole file from the inner source, records its text and returns its bytes unchanged, so the
    /// caller sees what it would see without the recorder.
    /// </summary>
    public Stream OpenRead(string fullPath)
    {
        byte[] bytes;
        using (var stream = _inner.OpenRead(fullPath))
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            bytes = copy.ToArray();
        }

        _texts[fullPath] = InputFileText.Decode(bytes);
        return new MemoryStream(bytes, writable: false);
    }

    /// <summary>
    /// Reads and records every file that <see cref="Exists"/> found but no caller opened, so that a source
    /// built from <see cref="Texts"/> finds it too. A scenario's own catalog is such a file when a catalog
    /// override replaces it: reading the scenario checks that it exists, and compiling never opens it.
    /// </summary>
    public void RecordFoundFiles()
    {
        foreach (var fullPath in _found.Where(p => !_texts.ContainsKey(p)).ToList())
        {
            using var stream = OpenRead(fullPath);
        }
    }
}
