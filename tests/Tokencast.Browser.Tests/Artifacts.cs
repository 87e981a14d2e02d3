namespace Tokencast.Browser.Tests;

/// <summary>The folder where the browser tests save screenshots.</summary>
internal static class Artifacts
{
    /// <summary>Returns the folder, created: <c>$TOKENCAST_ARTIFACTS</c> if set, else <c>artifacts/browser/</c>
    /// under the repository root (the folder that contains Simulation.sln).</summary>
    public static string Folder()
    {
        var configured = Environment.GetEnvironmentVariable("TOKENCAST_ARTIFACTS");
        var folder = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(RepositoryRoot(), "artifacts", "browser")
            : Path.GetFullPath(configured);
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Simulation.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"no folder above {AppContext.BaseDirectory} contains Simulation.sln; "
            + "set TOKENCAST_ARTIFACTS to the folder for screenshots");
    }
}
