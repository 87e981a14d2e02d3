using Tokencast.Core.Forecasting;
using Tokencast.Core.Planning;
using Tokencast.Core.Reporting;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Tests.Inputs;

/// <summary>
/// A temporary copy of the repository's examples folder, so that tests can change or delete files.
/// </summary>
internal sealed class ExampleFolder : IDisposable
{
    public const string AssistantPlatform = "assistant-platform.yaml";
    public const string ReferenceExample = "scenario-reference-example.yaml";

    public ExampleFolder()
    {
        var source = Path.Combine(AppContext.BaseDirectory, "examples");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("tokencast-bundle-").FullName;

    /// <summary>Returns the full path in the copy of a path relative to the examples folder.</summary>
    public string PathOf(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    /// <summary>Reads, checks and compiles a scenario from disk, as the forecast command does.</summary>
    public static SimulationPlan CompileFromDisk(string path, string? catalogFile = null)
    {
        var document = ScenarioReader.ReadFile(path, CatalogCheck.UnknownModels);
        return ScenarioCompiler.Compile(document, null, catalogFile);
    }

    /// <summary>Runs a short forecast of the plan and returns its bands.json text.</summary>
    public static string BandsJson(SimulationPlan plan)
    {
        var result = new ForecastEngine(plan, new EngineOptions(Trials: 200, Seed: 7)).Run();
        using var stream = new MemoryStream();
        BandsJsonWriter.Write(result, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
