using System.Collections.Immutable;
using Tokencast.Core;
using Tokencast.Core.Forecasting;

namespace Tokencast.Grains.Runs;

/// <summary>
/// The persisted state of a run: its definition (with the scenario's files), where it got to, and its
/// final bands. Stored in the "tokencast" grain storage, in PostgreSQL in cluster mode.
/// </summary>
[GenerateSerializer, Alias("tokencast.run-record.v1")]
public sealed class RunRecord
{
    /// <summary>What the run computes, or null for a run never started.</summary>
    [Id(0)] public RunDefinition? Definition { get; set; }

    /// <summary>Where the run is.</summary>
    [Id(1)] public RunState State { get; set; }

    /// <summary>The forecast, once completed.</summary>
    [Id(2)] public ForecastResult? Result { get; set; }

    /// <summary>Problems with the scenario, when it failed for them.</summary>
    [Id(3)] public ImmutableArray<InputProblem> Problems { get; set; } = [];

    /// <summary>Any other error that stopped the run.</summary>
    [Id(4)] public string? Error { get; set; }

    /// <summary>When the run was first started.</summary>
    [Id(5)] public DateTimeOffset StartedAt { get; set; }

    /// <summary>When it finished, or null.</summary>
    [Id(6)] public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Trials done in every branch when the run first converged, or null.</summary>
    [Id(7)] public int? ConvergedAtTrials { get; set; }

    /// <summary>The scenario's name, or "" until its plan is compiled.</summary>
    [Id(8)] public string Scenario { get; set; } = "";
}
