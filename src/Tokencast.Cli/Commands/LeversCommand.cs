using System.CommandLine;
using System.Text;
using Tokencast.Core;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Inputs;
using Tokencast.Core.Levers;
using Tokencast.Core.Reporting;

namespace Tokencast.Cli.Commands;

/// <summary>
/// <c>tokencast levers FILE</c>: lists each feature's operating points (model tiers, cascade thresholds,
/// variants) with cost per task and eval quality, the Pareto frontier, its knee, the moves from the
/// current point and the cascade routing measures.
/// </summary>
internal static class LeversCommand
{

    // Wide enough that a point's label and its quality interval stay on one line.
    private const int TableWidth = 150;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Scenario file (YAML or JSON)." };
        var feature = new Option<string?>("--feature") { Description = "Analyse only this feature id." };
        var format = new Option<string>("--format")
        {
            Description = "Output on standard output: table, csv or json.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var output = new Option<string?>("--out")
        {
            Description = "Directory for levers.csv, levers.json and one quality-cost chart (SVG) per feature.",
        };
        var seed = new Option<ulong?>("--seed")
        {
            Description = $"Random seed of the task-cost samples (default: the scenario's seed, else {RunDefaults.Seed}).",
        };
        var trials = new Option<int?>("--trials")
        {
            Description = $"Trials over which price trends are averaged (default: the scenario's trials, else {RunDefaults.Trials}).",
        };
        var catalog = new Option<string?>("--catalog")
        {
            Description = "LiteLLM-format price catalog (JSON) to use instead of the scenario's or the bundled one.",
        };

        var command = new Command("levers", "List the quality-cost operating points of each feature, the frontier and its knee.")
        {
            file, feature, format, output, seed, trials, catalog,
        };
        command.SetAction(parseResult => Run(
            new LeversSettings(
                parseResult.GetValue(file)!,
                parseResult.GetValue(feature),
                parseResult.GetValue(format) ?? "table",
                parseResult.GetValue(output),
                parseResult.GetValue(seed),
                parseResult.GetValue(trials),
                parseResult.GetValue(catalog)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command with arguments as typed after <c>tokencast levers</c>.</summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter error) =>
        Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });

    /// <summary>Analyses the scenario and prints the report. Returns 0, or 1 for invalid input.</summary>
    public static int Run(LeversSettings settings, TextWriter output, TextWriter error) =>
        CommandRunner.Run(
            () =>
            {
                var directory = OutputDirectory.Prepare(settings.OutputDirectory, "levers.csv, levers.json and charts");
                var bundle = ScenarioBundle.Capture(settings.File, settings.Catalog);
                var document = bundle.Read();
                foreach (var warning in document.Warnings)
                {
                    error.WriteLine($"warning: {warning}");
                }

                var scenario = document.Base;
                var trials = RunDefaults.TrialsFor(settings.Trials, scenario.Trials);
                if (trials < 1)
                {
                    throw new InvalidInputException(new InputProblem(null, null, "--trials",
                        trials.ToString(System.Globalization.CultureInfo.InvariantCulture), "trials must be at least 1"));
                }

                var seed = RunDefaults.SeedFor(settings.Seed, scenario.Seed);
                var report = LeverAnalysis.Analyse(bundle, new LeverOptions(seed, trials, settings.Feature));
                Print(report, settings.Format, output);
                if (directory is not null)
                {
                    var written = Write(report, directory);
                    if (settings.Format == "table")
                    {
                        output.WriteLine($"wrote {string.Join(", ", written)}");
                    }
                }

                return CommandRunner.Success;
            },
            error);

    private static void Print(LeverReport report, string format, TextWriter output)
    {
        switch (format)
        {
            case "csv":
                LeversCsvWriter.Write(report, output);
                break;
            case "json":
                using (var stream = new MemoryStream())
                {
                    LeversJsonWriter.Write(report, stream);
                    output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
                }

                break;
            default:
                LeversTable.Render(report, ConsoleFactory.Plain(output, TableWidth));
                break;
        }
    }

    private static List<string> Write(LeverReport report, string directory)
    {
        var csvPath = Path.Combine(directory, "levers.csv");
        using (var csv = new StreamWriter(csvPath, false, new UTF8Encoding(false)))
        {
            LeversCsvWriter.Write(report, csv);
        }

        var jsonPath = Path.Combine(directory, "levers.json");
        using (var json = File.Create(jsonPath))
        {
            LeversJsonWriter.Write(report, json);
        }

        var written = new List<string> { csvPath, jsonPath };
        foreach (var feature in report.Features)
        {
            var svgPath = Path.Combine(directory, ForecastOutputWriter.LeverChartName(feature.Feature));
            using var svg = new StreamWriter(svgPath, false, new UTF8Encoding(false));
            QualityCostChartSvg.Write(feature, svg);
            written.Add(svgPath);
        }

        return written;
    }
}
