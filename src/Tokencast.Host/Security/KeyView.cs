namespace Tokencast.Host.Security;

/// <summary>Who a key belongs to and what it may do, without the key itself.</summary>
/// <param name="Name">The key's name from the key file, or "generated".</param>
/// <param name="Role">Viewer or planner.</param>
public sealed record KeyView(string Name, ApiRole Role);
