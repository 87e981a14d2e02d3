namespace Tokencast.Core.Scenarios;

/// <summary>Prices change by an uncertain factor every month from a date on.</summary>
/// <param name="Date">Day the trend starts.</param>
/// <param name="Model">Model key, or <c>*</c> for every model.</param>
/// <param name="MonthlyChange">Relative change per month, drawn per trial, greater than -1.</param>
/// <param name="Source">Location of the event.</param>
public sealed record PriceTrendEvent(DateOnly Date, string Model, UncertainValue MonthlyChange, SourceLocation Source)
    : EventSpec(Date, Source)
{
    /// <summary>The <see cref="Model"/> value that applies the trend to every model.</summary>
    public const string AllModels = "*";

    /// <inheritdoc/>
    public override string Kind => "price_trend";
}
