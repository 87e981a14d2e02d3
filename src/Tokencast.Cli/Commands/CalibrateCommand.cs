using System.CommandLine;
using System.Text;
using Spectre.Console;
using Tokencast.Core;
using Tokencast.Core.Calibration;

namespace Tokencast.Cli.Commands;

/// <summary>
/// <c>tokencast calibrate LOG... [--feature NAME] [--out FILE] [--format table|json]</c>: fits token
/// distributions, turns, prefix cache hit rate and request rate from request logs, prints a report and
/// optionally writes a scenario fragment.
/// </summary>
/// <remarks>
/// Reading is delegated to a <see cref="TokenObservationReader"/>, so the command works with any log
/// format that has a reader.
/// </remarks>
internal static class CalibrateCommand
{
    public const string TableFormat = "table";
    public const string JsonFormat = "json";

    public static Command Create(TokenObservationReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var logs = new Argument<string[]>("LOG")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Request log files to calibrate from.",
        };
        var feature = new Option<string?>("--feature")
        {
            Description = "Feature id for rows without one. Default: the log file's name, lower-cased.",
        };
        var outFile = new Option<string?>("--out")
        {
            Description = "Write a scenario fragment (YAML features list) to this file, and the observed "
                + "token counts of each feature next to it as <name>.<feature>.csv.",
        };
        var format = new Option<string>("--format")
        {
            Description = "How to print the report: table or json.",
            DefaultValueFactory = _ => TableFormat,
        };
        format.AcceptOnlyFromAmong(TableFormat, JsonFormat);

        var command = new Command("calibrate", "Fit a scenario's token, turn and cache inputs to request logs.")
        {
            logs, feature, outFile, format,
        };
        command.SetAction(parse =>
        {
            var settings = new CalibrateSettings(
                parse.GetValue(logs) ?? [],
                parse.GetValue(feature),
                parse.GetValue(outFile),
                parse.GetValue(format) ?? TableFormat);
            return CommandRunner.Run(() => Execute(settings, reader, Console.Out));
        });
        return command;
    }

    /// <summary>Reads the logs, calibrates, prints the report and writes the fragment.</summary>
    internal static int Execute(CalibrateSettings settings, TokenObservationReader reader, TextWriter output)
    {
        var missing = settings.LogPaths.Where(p => !File.Exists(p))
            .Select(p => new InputProblem(p, null, null, null, "The log file was not found; check the path."))
            .ToList();
        if (settings.Feature is { } feature && FeatureIdOf(feature) != feature)
        {
            missing.Add(new InputProblem(
                null, null, "--feature", feature,
                "a feature id uses only a-z, 0-9, '-' and '_' so that scenarios can name it; "
                + $"for example {FeatureIdOf(feature)}"));
        }

        if (settings.OutPath is { } outPath && (outPath.Length == 0 || Directory.Exists(outPath)))
        {
            missing.Add(new InputProblem(
                null, null, "--out", outPath, "give the path of the YAML fragment to write, not a directory"));
        }

        if (missing.Count > 0)
        {
            throw new InvalidInputException(missing);
        }

        var observations = settings.LogPaths
            .SelectMany(path => reader(path, settings.Feature ?? FeatureIdOf(path)))
            .ToList();
        var report = Calibrator.Calibrate(observations);

        if (settings.OutPath is not null)
        {
            WriteFragment(report, observations, settings.OutPath);
        }

        if (settings.Format == JsonFormat)
        {
            using var stream = new MemoryStream();
            CalibrationJsonWriter.Write(report, stream);
            output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
        }
        else
        {
            CalibrationTable.Render(report, CreateConsole(output));
        }

        return CommandRunner.Success;
    }

    /// <summary>
    /// Derives a feature id from a file name: lower-cased, with every character outside a–z, 0–9, '-'
    /// and '_' replaced by '-'.
    /// </summary>
    internal static string FeatureIdOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        var characters = name
            .Select(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' ? c : '-')
            .ToArray();
        var id = new string(characters).Trim('-');
        return id.Length == 0 ? "feature" : id;
    }

    private static void WriteFragment(
        CalibrationReport report, List<TokenObservation> observations, string outPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath))!;
        Directory.CreateDirectory(directory);
        var baseName = Path.GetFileNameWithoutExtension(outPath);
        string SampleFileOf(string feature) => $"{baseName}.{FeatureIdOf(feature)}.csv";

        foreach (var feature in report.Features.Where(ChoosesEmpirical))
        {
            using var sample = new StreamWriter(Path.Combine(directory, SampleFileOf(feature.Feature)));
            EmpiricalSampleWriter.Write(observations.Where(o => o.Feature == feature.Feature), sample);
        }

        using var writer = new StreamWriter(outPath);
        ScenarioFragmentWriter.Write(report, writer, SampleFileOf);
    }

    private static bool ChoosesEmpirical(FeatureCalibration feature) =>
        new[] { feature.InputTokens, feature.OutputTokens, feature.ReasoningTokens }
            .Any(f => f?.Chosen?.Distribution is EmpiricalDistribution);

    private static IAnsiConsole CreateConsole(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });

        // The quantile table needs about 130 columns; narrower output wraps every cell.
        console.Profile.Width = Math.Max(console.Profile.Width, 140);
        return console;
    }
}
