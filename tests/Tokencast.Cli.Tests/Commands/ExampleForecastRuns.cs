namespace Tokencast.Cli.Tests.Commands;

/// <summary>
/// Two forecasts of the bundled example with 200 trials, one on 1 thread and one on 2, run once per test
/// class so that its tests share them.
/// </summary>
public sealed class ExampleForecastRuns : IDisposable
{
    public const int Trials = 200;

    public ExampleForecastRuns()
    {
        SingleThread = ExampleForecastRun.Start(Root, "threads-1", threads: 1);
        TwoThreads = ExampleForecastRun.Start(Root, "threads-2", threads: 2);
    }

    public static string ExamplePath =>
        Path.Combine(AppContext.BaseDirectory, "examples", "assistant-platform.yaml");

    public string Root { get; } = Directory.CreateTempSubdirectory("tokencast-forecast-example-").FullName;

    public ExampleForecastRun SingleThread { get; }

    public ExampleForecastRun TwoThreads { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
