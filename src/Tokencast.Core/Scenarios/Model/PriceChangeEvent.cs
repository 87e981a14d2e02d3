namespace Tokencast.Core.Scenarios;

/// <summary>A model's prices change on a date.</summary>
/// <param name="Date">Day the new prices apply.</param>
/// <param name="Price">The new prices; its <see cref="PriceSpec.Effective"/> is <paramref name="Date"/>.</param>
/// <param name="Source">Location of the event.</param>
public sealed record PriceChangeEvent(DateOnly Date, PriceSpec Price, SourceLocation Source)
    : EventSpec(Date, Source)
{
    /// <inheritdoc/>
    public override string Kind => "price_change";
}
