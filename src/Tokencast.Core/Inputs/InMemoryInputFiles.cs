namespace Tokencast.Core.Inputs;

/// <summary>
/// Input files held in memory as text, keyed by full path, so that a scenario can be read on a machine
/// that does not have its files. A path that is not a key is a missing file, as on disk.
/// </summary>
/// <remarks>
/// A missing file gives <see cref="FileNotFoundException"/> with the message the file system gives. A
/// missing folder on the path does too, where the file system gives <see cref="DirectoryNotFoundException"/>.
/// </remarks>
public sealed class InMemoryInputFiles : IInputFiles
{
    private readonly Dictionary<string, string> _texts;

    /// <summary>Creates the source from file texts keyed by full path, compared ordinally.</summary>
    public InMemoryInputFiles(IReadOnlyDictionary<string, string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        _texts = new Dictionary<string, string>(texts, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public bool Exists(string fullPath) => _texts.ContainsKey(fullPath);

    /// <summary>Returns the number of bytes that <see cref="OpenRead"/> returns.</summary>
    /// <exception cref="FileNotFoundException">The path is not a key.</exception>
    public long Length(string fullPath) => InputFileText.EncodedLength(Text(fullPath));

    /// <summary>Opens the text as UTF-8 bytes, which decode to the same text.</summary>
    /// <exception cref="FileNotFoundException">The path is not a key.</exception>
    public Stream OpenRead(string fullPath) =>
        new MemoryStream(InputFileText.Encode(Text(fullPath)), writable: false);

    private string Text(string fullPath) =>
        _texts.TryGetValue(fullPath, out var text)
            ? text
            : throw new FileNotFoundException($"Could not find file '{fullPath}'.", fullPath);
}
