namespace Tokencast.Core.Inputs;

/// <summary>
/// Source of the files a scenario refers to: the scenario file, its price catalog and its empirical value
/// files. Every path is a full path, as <see cref="Path.GetFullPath(string)"/> returns it.
/// </summary>
public interface IInputFiles
{
    /// <summary>Returns whether a file exists at the path. A folder is not a file.</summary>
    bool Exists(string fullPath);

    /// <summary>Returns the size of the file in bytes.</summary>
    /// <exception cref="FileNotFoundException">No file exists at <paramref name="fullPath"/>.</exception>
    long Length(string fullPath);

    /// <summary>Opens the file for reading. The caller disposes the stream.</summary>
    /// <exception cref="FileNotFoundException">No file exists at <paramref name="fullPath"/>.</exception>
    Stream OpenRead(string fullPath);
}
