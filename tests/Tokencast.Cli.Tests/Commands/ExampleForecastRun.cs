using Tokencast.Cli.Commands;

namespace Tokencast.Cli.Tests.Commands;

/// <summary>Exit code, printed text and output directory of one forecast of the bundled example.</summary>
public sealed record ExampleForecastRun(int ExitCode, string Output, string Error, string Directory)
{
    public static ExampleForecastRun Start(string root, string name, int silos, int blockSize)
    {
        var directory = Path.Combine(root, name);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var settings = new ForecastSettings(
            ExampleForecastRuns.ExamplePath,
            [],
            Trials: ExampleForecastRuns.Trials,
            OutputDirectory: directory,
            Silos: silos,
            BlockSize: blockSize);

        var exitCode = ForecastCommand.Run(settings, output, error);

        return new ExampleForecastRun(exitCode, output.ToString(), error.ToString(), directory);
    }

    public string PathOf(string fileName) => Path.Combine(Directory, fileName);
}
