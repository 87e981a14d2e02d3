using System.Globalization;
using Spectre.Console;
using Tokencast.Core.Forecasting;

namespace Tokencast.Cli.Commands;

/// <summary>Prints the sensitivity ranking of each branch as a plain table, largest variance index first.</summary>
internal static class SensitivityTable
{
    public static void Render(IReadOnlyList<BranchSensitivity> branches, IAnsiConsole console)
    {
        foreach (var branch in branches)
        {
            console.WriteLine();
            console.WriteLine($"what widens the band of branch {branch.Branch}");
            if (branch.Inputs.Count == 0)
            {
                console.WriteLine("  no uncertain trial-level assumption: the spread comes from tasks alone");
                continue;
            }

            var table = new Table().AddColumn("input");
            foreach (var column in new[] { "variance index", "Spearman", "P50 low decile", "P50 high decile", "swing" })
            {
                table.AddColumn(new TableColumn(column).RightAligned());
            }

            foreach (var input in branch.Inputs)
            {
                table.AddRow(
                    Markup.Escape(input.Input),
                    Fraction(input.VarianceIndex),
                    Fraction(input.SpearmanCorrelation),
                    BandTable.Usd(input.LowDecileOutputMedian),
                    BandTable.Usd(input.HighDecileOutputMedian),
                    BandTable.Usd(input.TornadoSwing));
            }

            var explained = branch.ExplainedVarianceShare > 1
                ? "after removing that bias, the inputs still explain more than all of the variance, which means the "
                    + "trials are too few to tell their effects apart: run more trials"
                : string.Create(CultureInfo.InvariantCulture,
                    $"after removing that bias, the inputs explain {branch.ExplainedVarianceShare:P1} of the variance one at a time");
            table.Caption(string.Create(
                CultureInfo.InvariantCulture,
                $"horizon total P50 {BandTable.Usd(branch.HorizonMedianUsd)} over {branch.Trials:N0} trials; "
                + $"an input without effect scores about {branch.VarianceIndexNullLevel:0.000}; {explained}"));
            console.Write(table);
        }
    }

    private static string Fraction(double? value) =>
        value is { } number ? number.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
