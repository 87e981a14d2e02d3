namespace Tokencast.Core.Pricing;

/// <summary>A name that points to a catalog model from a date on.</summary>
/// <param name="Alias">The name used in scenarios and logs, such as <c>sonnet-latest</c>.</param>
/// <param name="Model">The catalog model or another alias it points to.</param>
/// <param name="From">First date the alias points to <paramref name="Model"/>; null for always.</param>
public sealed record ModelAlias(string Alias, string Model, DateOnly? From = null);
