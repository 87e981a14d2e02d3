namespace Tokencast.Cli.Tests.Commands;

/// <summary>
/// Two forecasts of the bundled example with 200 trials, one on one silo and one on two silos with another block size, run once per test
/// class so that its tests share them.
/// </summary>
public sealed class ExampleForecastRuns : IDisposable
{
    public const int Trials = 200;

    public ExampleForecastRuns()
    {
        OneSilo = ExampleForecastRun.Start(Root, "silos-1", silos: 1, blockSize: 64);
        TwoSilos = ExampleForecastRun.Start(Root, "silos-2", silos: 2, blockSize: 23);
    }

    public static string ExamplePath =>
        Path.Combine(AppContext.BaseDirectory, "examples", "assistant-platform.yaml");

    public string Root { get; } = Directory.CreateTempSubdirectory("tokencast-forecast-example-").FullName;

    public ExampleForecastRun OneSilo { get; }

    public ExampleForecastRun TwoSilos { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
