using System.CommandLine;

namespace Tokencast.Cli.Commands;

/// <summary>
/// The options of <c>reforecast</c> and <c>schedule set</c> that choose the branch and band percentiles a
/// closed period is reviewed against.
/// </summary>
internal sealed class ReviewOptions
{
    public Option<string> Branch { get; } = new("--branch")
    {
        Description = "Branch of the previous version to explain actuals against and raise alerts from.",
        DefaultValueFactory = _ => "baseline",
    };

    public Option<int> AlertLow { get; } = new("--alert-low")
    {
        Description = "Percentile (5, 10, 50, 90 or 95) a week's spend must fall below to raise an alert.",
        DefaultValueFactory = _ => 10,
    };

    public Option<int> AlertHigh { get; } = new("--alert-high")
    {
        Description = "Percentile (5, 10, 50, 90 or 95) a week's spend must rise above to raise an alert.",
        DefaultValueFactory = _ => 90,
    };
}
