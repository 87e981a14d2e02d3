namespace Tokencast.Core.Quality;

/// <summary>One evaluated item in a cascade: both models' scores and the router's confidence.</summary>
/// <param name="Item">Item id.</param>
/// <param name="CheapScore">Score of the cheap model's response, from 0 to 1.</param>
/// <param name="StrongScore">Score of the strong model's response, from 0 to 1.</param>
/// <param name="Confidence">Router confidence in the cheap model's response, from 0 to 1.</param>
public sealed record CascadeItem(string Item, double CheapScore, double StrongScore, double Confidence);
