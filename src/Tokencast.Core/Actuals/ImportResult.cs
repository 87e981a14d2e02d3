namespace Tokencast.Core.Actuals;

/// <summary>Outcome of importing one file into an <see cref="ActualsStore"/>.</summary>
/// <param name="Import">The import as recorded, or the earlier import of the same file and options.</param>
/// <param name="AlreadyImported">Whether the store already had the import, so nothing was added.</param>
public sealed record ImportResult(ActualsImport Import, bool AlreadyImported);
