using Tokencast.Cli.Commands;

namespace Tokencast.Cli.Tests.Commands;

/// <summary>
/// One forecast of the bundled example with <c>--sensitivity</c>, with the trials and block size of
/// <see cref="ExampleForecastRuns.OneSilo"/>, run once per test class so that its tests share it.
/// </summary>
public sealed class ExampleSensitivityRun : IDisposable
{
    public ExampleSensitivityRun()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new ForecastSettings(
            ExampleForecastRuns.ExamplePath, [], Trials: ExampleForecastRuns.Trials, OutputDirectory: Directory,
            BlockSize: 64, Sensitivity: true);

        ExitCode = ForecastCommand.Run(settings, output, error);
        Output = output.ToString();
        Error = error.ToString();
    }

    public string Root { get; } = System.IO.Directory.CreateTempSubdirectory("tokencast-sensitivity-example-").FullName;

    public string Directory => Path.Combine(Root, "ranked");

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    public string PathOf(string fileName) => Path.Combine(Directory, fileName);

    public void Dispose() => System.IO.Directory.Delete(Root, recursive: true);
}
