using Tokencast.Core.Pricing;

namespace Tokencast.Core.Logs;

/// <summary>The pricing outcome of one log row.</summary>
/// <param name="Record">The row.</param>
/// <param name="Status">Whether the row was priced.</param>
/// <param name="Cost">The cost, when <paramref name="Status"/> is <see cref="CostStatus.Priced"/>.</param>
/// <param name="DuplicateOfLine">Line of the row kept in its place, for a duplicate.</param>
/// <param name="PricedOnDate">Date whose prices were used, for a priced row.</param>
public sealed record RecordCost(
    RequestRecord Record, CostStatus Status, CallCost? Cost, long? DuplicateOfLine, DateOnly? PricedOnDate)
{
    /// <summary>Describes the status as the CSV output writes it.</summary>
    public string StatusText => Status switch
    {
        CostStatus.Priced => Record.Status == RequestStatus.Failed ? "priced (failed call)" : "priced",
        CostStatus.NoUsage => "no usage",
        CostStatus.Duplicate => $"duplicate of line {DuplicateOfLine}",
        _ => Status.ToString(),
    };
}
