namespace Tokencast.Core.Scenarios;

/// <summary>A dated change in the scenario's timeline.</summary>
/// <param name="Date">Day the change takes effect.</param>
/// <param name="Source">Location of the event.</param>
public abstract record EventSpec(DateOnly Date, SourceLocation Source)
{
    /// <summary>Returns the value of the event's <c>kind</c> key, such as <c>model_swap</c>.</summary>
    public abstract string Kind { get; }
}
