using System.Collections.Immutable;

namespace Tokencast.Grains;

/// <summary>What every cohort draws for a block of trials, by cohort id: the demand the features turn into cost.</summary>
/// <param name="Cohorts">Each cohort's result, by cohort id.</param>
[GenerateSerializer, Immutable, Alias("tokencast.cohort-demand.v1")]
public sealed record CohortDemand([property: Id(0)] ImmutableDictionary<string, CohortResult> Cohorts);
