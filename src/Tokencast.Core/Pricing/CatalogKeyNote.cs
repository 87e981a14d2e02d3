namespace Tokencast.Core.Pricing;

/// <summary>A catalog key that was not loaded as a token price, and why.</summary>
/// <param name="Model">Catalog key of the model entry.</param>
/// <param name="Key">The price key as written.</param>
/// <param name="Kind">How the key was classified.</param>
/// <param name="Message">What was done with the key.</param>
public sealed record CatalogKeyNote(string Model, string Key, LiteLlmKeyKind Kind, string Message);
