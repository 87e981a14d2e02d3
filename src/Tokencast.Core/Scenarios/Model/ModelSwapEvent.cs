namespace Tokencast.Core.Scenarios;

/// <summary>A feature moves to another model.</summary>
/// <param name="Date">Day of the swap.</param>
/// <param name="FeatureId">Feature whose calls move.</param>
/// <param name="Model">Tier name, alias or model key of the new model.</param>
/// <param name="TokenEfficiency">Factor on the new model's output and reasoning tokens per call, above 0.</param>
/// <param name="Source">Location of the event.</param>
public sealed record ModelSwapEvent(
    DateOnly Date,
    string FeatureId,
    string Model,
    double TokenEfficiency,
    SourceLocation Source) : EventSpec(Date, Source)
{
    /// <inheritdoc/>
    public override string Kind => "model_swap";
}
