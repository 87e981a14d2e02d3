using System.CommandLine;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Tokencast.Core;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Inputs;
using Tokencast.Core.Levers;
using Tokencast.Core.Reporting;
using Tokencast.Core.Scenarios;

namespace Tokencast.Cli.Commands;

/// <summary>
/// <c>tokencast whatif FILE --set PATH=VALUE</c>: forecasts the scenario as written and with the sets,
/// with the same seed and trials, and prints per branch the horizon spend before, after and the change,
/// and per feature the cost per task and, for changed features, the eval quality.
/// </summary>
internal static class WhatIfCommand
{

    // Wide enough that a quality with its interval stays on one line.
    private const int TableWidth = 150;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Scenario file (YAML or JSON)." };
        var set = new Option<string[]>("--set")
        {
            Description = "PATH=VALUE applied after the scenario's own top-level set; VALUE is YAML, such as "
                + "budget, 0.4 or {lognormal: {mu: 6, sigma: 1}}. Repeat for several.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            Required = true,
        };
        var branches = new Option<string[]>("--branch")
        {
            Description = "Branch to compare; repeat for several. Default: every branch of the scenario.",
            AllowMultipleArgumentsPerToken = false,
        };
        var trials = new Option<int?>("--trials")
        {
            Description = $"Trials per branch and run (default: the scenario's trials, else {RunDefaults.Trials}).",
        };
        var seed = new Option<ulong?>("--seed")
        {
            Description = $"Random seed of both runs (default: the scenario's seed, else {RunDefaults.Seed}).",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: table, csv or json.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var catalog = new Option<string?>("--catalog")
        {
            Description = "LiteLLM-format price catalog (JSON) to use instead of the scenario's or the bundled one.",
        };

        var command = new Command("whatif", "Compare the forecast of a scenario as written and with changed values.")
        {
            file, set, branches, trials, seed, format, catalog,
        };
        command.SetAction(parseResult => Run(
            new WhatIfSettings(
                parseResult.GetValue(file)!,
                parseResult.GetValue(set) ?? [],
                parseResult.GetValue(branches) ?? [],
                parseResult.GetValue(trials),
                parseResult.GetValue(seed),
                parseResult.GetValue(format) ?? "table",
                parseResult.GetValue(catalog)),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Runs the command with arguments as typed after <c>tokencast whatif</c>.</summary>
    public static int Invoke(string[] args, TextWriter output, TextWriter error) =>
        Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });

    /// <summary>Runs both forecasts and prints the comparison. Returns 0, or 1 for invalid input.</summary>
    public static int Run(WhatIfSettings settings, TextWriter output, TextWriter error) =>
        CommandRunner.Run(
            () =>
            {
                var overrides = Parse(settings.Sets);
                var bundle = ScenarioBundle.Capture(settings.File, settings.Catalog);
                var document = bundle.Read();
                foreach (var warning in document.Warnings)
                {
                    error.WriteLine($"warning: {warning}");
                }

                var scenario = document.Base;
                var trials = RunDefaults.TrialsFor(settings.Trials, scenario.Trials);
                if (trials is < 1 or > 10_000_000)
                {
                    throw new InvalidInputException(new InputProblem(null, null, "--trials",
                        trials.ToString(CultureInfo.InvariantCulture), "trials must be between 1 and 10,000,000"));
                }

                var seed = RunDefaults.SeedFor(settings.Seed, scenario.Seed);
                var result = WhatIf.Compare(bundle, overrides, new WhatIfOptions(trials, seed, settings.Branches));
                Print(result, settings.Format, output);
                return CommandRunner.Success;
            },
            error);

    private static List<SetOverride> Parse(IReadOnlyList<string> sets)
    {
        var overrides = new List<SetOverride>();
        var problems = new List<InputProblem>();
        foreach (var text in sets)
        {
            try
            {
                overrides.Add(SetOverride.Parse(text));
            }
            catch (InvalidInputException exception)
            {
                problems.AddRange(exception.Problems);
            }
        }

        return problems.Count > 0 ? throw new InvalidInputException(problems) : overrides;
    }

    private static void Print(WhatIfResult result, string format, TextWriter output)
    {
        switch (format)
        {
            case "csv":
                WhatIfCsvWriter.Write(result, output);
                break;
            case "json":
                using (var stream = new MemoryStream())
                {
                    WhatIfJsonWriter.Write(result, stream);
                    output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
                }

                break;
            default:
                Render(result, ConsoleFactory.Plain(output, TableWidth));
                break;
        }
    }

    private static void Render(WhatIfResult result, IAnsiConsole console)
    {
        console.WriteLine($"{result.Scenario}: {result.Months} months from {result.FirstMonth:yyyy-MM}, "
            + $"{result.Trials} trials per branch, seed {result.Seed}, the same in both runs");
        console.WriteLine("set: " + string.Join(", ", result.Overrides.Select(o => $"{o.Path}={o.Value}")));
        foreach (var branch in result.Branches)
        {
            console.WriteLine();
            console.WriteLine($"branch {branch.Branch}");
            var horizon = new Table().AddColumn("spend over the horizon");
            foreach (var column in new[] { "P10", "P50", "P90" })
            {
                horizon.AddColumn(new TableColumn(column).RightAligned());
            }

            horizon.AddRow("before", Usd(branch.Before.P10), Usd(branch.Before.P50), Usd(branch.Before.P90));
            horizon.AddRow("after", Usd(branch.After.P10), Usd(branch.After.P50), Usd(branch.After.P90));
            horizon.AddRow("change", Change(branch.Before.P10, branch.After.P10),
                Change(branch.Before.P50, branch.After.P50), Change(branch.Before.P90, branch.After.P90));
            console.Write(horizon);
            console.Write(FeatureTable(branch, result.FirstMonth));
        }
    }

    private static Table FeatureTable(BranchWhatIf branch, DateOnly month)
    {
        var table = new Table().AddColumn("feature");
        foreach (var column in new[] { "mean before", "mean after", "P50 before", "P50 after" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        table.AddColumn("quality before").AddColumn("quality after");
        foreach (var feature in branch.Features)
        {
            var noData = feature.Changed ? "no eval data" : "";
            table.AddRow(
                feature.Changed ? $"{feature.Feature} (changed)" : feature.Feature,
                TaskUsd(feature.Before, cost => cost.MeanUsd),
                TaskUsd(feature.After, cost => cost.MeanUsd),
                TaskUsd(feature.Before, cost => cost.MedianUsd),
                TaskUsd(feature.After, cost => cost.MedianUsd),
                feature.QualityBefore is null ? noData : Markup.Escape(LeversTable.Quality(feature.QualityBefore)),
                feature.QualityAfter is null ? noData : Markup.Escape(LeversTable.Quality(feature.QualityAfter)));
        }

        table.Caption($"cost of one task in USD in {month:yyyy-MM}; quality from the eval results for changed features");
        return table;
    }

    private static string TaskUsd(FeatureTaskCost? cost, Func<FeatureTaskCost, double> value) =>
        cost is null ? "" : LeversTable.TaskUsd(value(cost));

    private static string Change(double before, double after)
    {
        var delta = (after - before).ToString("+$#,##0.00;-$#,##0.00;$0.00", CultureInfo.InvariantCulture);
        var relative = before != 0
            ? $" ({((after - before) / before).ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture)})"
            : "";
        return delta + relative;
    }

    private static string Usd(double value) => value.ToString("$#,##0.00", CultureInfo.InvariantCulture);
}
