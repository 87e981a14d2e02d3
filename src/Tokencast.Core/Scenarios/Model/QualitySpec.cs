using Tokencast.Core.Quality;

namespace Tokencast.Core.Scenarios;

/// <summary>The scenario's <c>quality</c> settings: the eval results that rate its models and variants.</summary>
/// <param name="EvalsFile">Full path of the eval results file.</param>
/// <param name="Evals">The results read from <paramref name="EvalsFile"/>.</param>
/// <param name="Source">Location of the <c>quality</c> mapping.</param>
public sealed record QualitySpec(string EvalsFile, EvalResults Evals, SourceLocation Source);
