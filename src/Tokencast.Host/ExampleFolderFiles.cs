using Tokencast.Core.Inputs;

namespace Tokencast.Host;

/// <summary>
/// The files of an examples folder under the virtual folder <see cref="Examples.VirtualFolder"/>, so that
/// bundles and messages name <c>/examples/NAME.yaml</c> and never the host's own paths. A path outside the
/// virtual folder is not found.
/// </summary>
internal sealed class ExampleFolderFiles(string folder) : IInputFiles
{
    private const string Prefix = Examples.VirtualFolder + "/";

    public bool Exists(string fullPath) => DiskPath(fullPath) is { } path && DiskInputFiles.Instance.Exists(path);

    public long Length(string fullPath) => DiskInputFiles.Instance.Length(DiskPath(fullPath) ?? throw NotFound(fullPath));

    public Stream OpenRead(string fullPath) => DiskInputFiles.Instance.OpenRead(DiskPath(fullPath) ?? throw NotFound(fullPath));

    /// <summary>Returns the path on disk of a virtual path, or null when it is outside the virtual folder.</summary>
    private string? DiskPath(string fullPath) =>
        fullPath.StartsWith(Prefix, StringComparison.Ordinal) ? Path.Join(folder, fullPath[Prefix.Length..]) : null;

    private static FileNotFoundException NotFound(string fullPath) => new($"Could not find file '{fullPath}'.", fullPath);
}
