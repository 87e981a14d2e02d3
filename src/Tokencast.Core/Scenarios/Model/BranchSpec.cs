namespace Tokencast.Core.Scenarios;

/// <summary>A named variant of the scenario as written: values it sets and events it adds.</summary>
/// <param name="Name">Branch name, such as <c>growth</c>.</param>
/// <param name="Description">What the branch assumes, or null.</param>
/// <param name="Settings">Values the branch sets, in file order.</param>
/// <param name="AddedEvents">Events the branch adds to the timeline.</param>
/// <param name="Source">Location of the branch.</param>
public sealed record BranchSpec(
    string Name,
    string? Description,
    IReadOnlyList<BranchSetting> Settings,
    IReadOnlyList<EventSpec> AddedEvents,
    SourceLocation Source);
