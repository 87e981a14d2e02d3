namespace Tokencast.Cluster.Tests;

/// <summary>
/// Locates files of the repository that the tests run against, such as the schema scripts.
/// </summary>
internal static class RepositoryLayout
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder that contains <c>Simulation.sln</c>.</summary>
    public static string RootDirectory => Root.Value;

    /// <summary>The folder of the ordered schema scripts, <c>deploy/sql</c>.</summary>
    public static string SqlDirectory => Path.Combine(RootDirectory, "deploy", "sql");

    /// <summary>The schema scripts in the order they must run (by file name).</summary>
    public static IReadOnlyList<string> SchemaScripts()
    {
        var scripts = Directory.GetFiles(SqlDirectory, "*.sql");
        Array.Sort(scripts, StringComparer.Ordinal);
        if (scripts.Length == 0)
        {
            throw new InvalidOperationException($"No *.sql schema scripts found in {SqlDirectory}.");
        }

        return scripts;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory);
             directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Simulation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Simulation.sln not found in {AppContext.BaseDirectory} or any parent folder; "
            + "run the tests from a checkout of the repository.");
    }
}
