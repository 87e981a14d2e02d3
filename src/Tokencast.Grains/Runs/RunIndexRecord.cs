namespace Tokencast.Grains.Runs;

/// <summary>The persisted state of the run index.</summary>
[GenerateSerializer, Alias("tokencast.run-index-record.v1")]
public sealed class RunIndexRecord
{
    /// <summary>One entry per run, in the order they were last admitted, the oldest first.</summary>
    [Id(0)] public List<RunEntry> Entries { get; set; } = [];
}
