namespace Tokencast.Core.Scenarios;

/// <summary>Multi-turn settings of a feature.</summary>
/// <param name="Turns">Turns per task, drawn per task.</param>
/// <param name="ResendHistory">Whether each turn re-sends all earlier turns as input.</param>
/// <param name="Source">Location of the <c>conversation</c> mapping.</param>
public sealed record ConversationSpec(CountDistributionSpec Turns, bool ResendHistory, SourceLocation Source);
