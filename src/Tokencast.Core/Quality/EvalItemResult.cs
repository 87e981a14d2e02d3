namespace Tokencast.Core.Quality;

/// <summary>One model's result on one evaluated item.</summary>
/// <param name="Item">Item id, unique within its feature.</param>
/// <param name="Model">Model that produced the response.</param>
/// <param name="Score">Score from 0 to 1; a pass is 1 and a fail is 0.</param>
/// <param name="IsPassFail">True when the row gave <c>passed</c> rather than <c>score</c>.</param>
/// <param name="Line">1-based line of the row in the results file.</param>
public sealed record EvalItemResult(string Item, string Model, double Score, bool IsPassFail, long Line);
