namespace Tokencast.Core.Quality;

/// <summary>
/// One parsed row of an eval results file: either one model's result on one item (<see cref="Item"/>
/// set) or a model's aggregate pass rate (<see cref="PassRate"/> set).
/// </summary>
internal sealed record EvalRow(
    long Line,
    string Feature,
    string Model,
    string? Item,
    double? Score,
    bool IsPassFail,
    double? Confidence,
    double? PassRate,
    long? Items)
{
    public bool IsAggregate => PassRate is not null;
}
