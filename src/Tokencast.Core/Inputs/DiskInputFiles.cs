namespace Tokencast.Core.Inputs;

/// <summary>Input files read from the local file system.</summary>
public sealed class DiskInputFiles : IInputFiles
{
    private DiskInputFiles()
    {
    }

    /// <summary>The shared instance, which has no state.</summary>
    public static DiskInputFiles Instance { get; } = new();

    /// <inheritdoc/>
    public bool Exists(string fullPath) => File.Exists(fullPath);

    /// <inheritdoc/>
    public long Length(string fullPath) => new FileInfo(fullPath).Length;

    /// <inheritdoc/>
    public Stream OpenRead(string fullPath) => File.OpenRead(fullPath);
}
