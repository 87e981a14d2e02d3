using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Tokencast.Core.Inputs;
using Tokencast.Core.Pricing;

namespace Tokencast.Core.Actuals;

/// <summary>
/// A folder of imported actuals: a <c>manifest.json</c> that lists the imports and one JSON Lines
/// file of actuals per import. Imports are idempotent (keyed by the SHA-256 of the file's bytes and
/// the import options) and atomic: every file is written to a temporary file in the store, flushed
/// to disk and renamed into place, and the manifest is replaced last. A file that fails to read
/// leaves the store untouched. The format is described in docs/actuals.md.
/// </summary>
public sealed class ActualsStore
{
    /// <summary>Store folder used when none is given, relative to the current directory.</summary>
    public const string DefaultDirectory = ".tokencast/actuals";

    private const string ManifestName = "manifest.json";
    private const string LockName = ".lock";
    private const int FormatVersion = 1;

    /// <summary>Opens a store in a folder; the folder is created by the first import.</summary>
    public ActualsStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>Full path of the store folder.</summary>
    public string Directory { get; }

    private string ManifestPath => Path.Combine(Directory, ManifestName);

    /// <summary>Lists the imports in the order they were made.</summary>
    /// <exception cref="InvalidInputException">The manifest is not valid.</exception>
    public IReadOnlyList<ActualsImport> ListImports() => ReadManifest().Imports;

    /// <summary>Imports a request log or LiteLLM spend log as usage actuals with estimated cost.</summary>
    /// <exception cref="InvalidInputException">The log has invalid rows or unknown models.</exception>
    public ImportResult ImportUsage(string path, UsageImportOptions options, PriceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        var optionsText = $"{options.Describe()};catalog={catalog.Source}";
        return Import(path, options.Kind, optionsText, (text, import) =>
        {
            var batch = UsageActualReader.Read(text, path, options, catalog);

            // Overlapping exports of one log carry the same calls; a response id already stored counts once.
            var stored = StoredResponseIds();
            var kept = batch.Actuals.Where(call => call.ResponseId is null || !stored.Contains(call.ResponseId)).ToList();
            var finished = import with
            {
                RowsRead = batch.RowsRead,
                SetAsideRows = batch.Rejected.Count,
                Calls = kept.Count,
                Tasks = kept.Select(call => call.TaskId).Distinct(StringComparer.Ordinal).Count(),
                UnknownUsageRows = kept.Count(call => call.IsUsageUnknown),
                DuplicatesMerged = batch.DuplicatesMerged,
                CallsAlreadyStored = batch.Actuals.Count - kept.Count,
                FailedCallsPriced = batch.FailedCallsPriced,
                EstimatedCostUsd = kept.Sum(call => call.EstimatedCostUsd ?? 0m),
                LiteLlmSpendUsd = batch.LiteLlmSpendUsd is null ? null : kept.Sum(call => call.LiteLlmSpendUsd ?? 0m),
                TimeScale = options.TimeScale,
                TimeScaleTraceStart = batch.TraceStart,
            };
            return (finished, kept.Cast<object>().ToList(), batch.Rejected);
        });
    }

    /// <summary>Imports a FinOps FOCUS export as billed actuals.</summary>
    /// <exception cref="InvalidInputException">The export has invalid rows or lacks required columns.</exception>
    public ImportResult ImportBilled(string path, FocusImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Import(path, ActualsKind.Focus, options.Describe(), (text, import) =>
        {
            var batch = FocusReader.Read(text, path, options);
            var finished = import with
            {
                RowsRead = batch.RowsRead,
                SetAsideRows = batch.Rejected.Count,
                BilledCostByCurrency = batch.BilledCostByCurrency,
                EffectiveCostByCurrency = batch.EffectiveCostByCurrency,
            };
            return (finished, batch.Actuals.Cast<object>().ToList(), batch.Rejected);
        });
    }

    /// <summary>
    /// Reads all usage actuals back, in import order. With a range, only calls whose time is in
    /// [<paramref name="from"/>, <paramref name="until"/>) are returned, so calls without a time are left out.
    /// </summary>
    public IReadOnlyList<UsageActual> ReadUsage(DateTimeOffset? from = null, DateTimeOffset? until = null)
    {
        var filtered = from is not null || until is not null;
        return ReadData<UsageActual>(kind => kind != ActualsKind.Focus)
            .Where(actual => !filtered || (actual.Timestamp is { } time && InRange(time, from, until)))
            .ToList();
    }

    /// <summary>
    /// Reads all billed actuals back, in import order. With a range, only charges whose period starts
    /// in [<paramref name="from"/>, <paramref name="until"/>) are returned.
    /// </summary>
    public IReadOnlyList<BilledActual> ReadBilled(DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        ReadData<BilledActual>(kind => kind == ActualsKind.Focus)
            .Where(actual => InRange(actual.ChargePeriodStart, from, until))
            .ToList();

    private HashSet<string> StoredResponseIds() =>
        System.IO.Directory.Exists(Directory)
            ? [.. ReadUsage().Select(call => call.ResponseId).OfType<string>()]
            : new HashSet<string>(StringComparer.Ordinal);

    private static bool InRange(DateTimeOffset time, DateTimeOffset? from, DateTimeOffset? until) =>
        (from is null || time >= from) && (until is null || time < until);

    private ImportResult Import(
        string path,
        ActualsKind kind,
        string optionsText,
        Func<string, ActualsImport, (ActualsImport, IReadOnlyList<object>, IReadOnlyList<RejectedRow>)> read)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = File.ReadAllBytes(path);
        var sourceSha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sourceSha}\n{optionsText}")));
        if (ReadManifest().Imports.FirstOrDefault(import => import.Key == key) is { } earlier)
        {
            return new ImportResult(earlier, AlreadyImported: true);
        }

        // Everything is read and checked before the store is touched, so an invalid file changes nothing.
        var text = StrictUtf8.Decode(bytes, path);
        var stem = $"{kind.ToString().ToLowerInvariant()}-{key[..16]}";
        var started = new ActualsImport
        {
            Key = key,
            Kind = kind,
            SourceFile = Path.GetFileName(path),
            SourceSha256 = sourceSha,
            Options = optionsText,
            ImportedAt = DateTimeOffset.UtcNow,
            DataFile = stem + ".jsonl",
        };
        var (import, actuals, rejected) = read(text, started);
        if (import.RowsRead == 0)
        {
            throw new InvalidInputException(new InputProblem(path, null, null, null,
                "has no data rows; there is nothing to import"));
        }

        if (rejected.Count > 0)
        {
            import = import with { RejectedFile = stem + ".rejected.jsonl" };
        }

        return Write(import, actuals, rejected);
    }

    private ImportResult Write(
        ActualsImport import, IReadOnlyList<object> actuals, IReadOnlyList<RejectedRow> rejected)
    {
        System.IO.Directory.CreateDirectory(Directory);

        // Another ingest into the same store waits for the lock instead of losing its manifest entry.
        using var storeLock = new FileStream(Path.Combine(Directory, LockName), FileMode.OpenOrCreate,
            FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);

        // Holding the lock, no other writer is at work, so a temporary file left here is from an import that was
        // killed before it could rename or remove it.
        foreach (var stale in System.IO.Directory.EnumerateFiles(Directory, ".*.tmp"))
        {
            File.Delete(stale);
        }

        var manifest = ReadManifest();
        if (manifest.Imports.FirstOrDefault(earlier => earlier.Key == import.Key) is { } raced)
        {
            return new ImportResult(raced, AlreadyImported: true);
        }

        var written = new List<string>();
        try
        {
            written.Add(WriteAtomically(import.DataFile, stream => WriteLines(stream, actuals)));
            if (import.RejectedFile is { } rejectedFile)
            {
                written.Add(WriteAtomically(rejectedFile, stream => WriteLines(stream, rejected)));
            }

            var updated = manifest with { Imports = [.. manifest.Imports, import] };
            WriteAtomically(ManifestName, stream => JsonSerializer.Serialize(stream, updated, ActualsJson.Indented));
        }
        catch
        {
            // The manifest was not replaced, so the data files are not listed: remove them again.
            foreach (var file in written)
            {
                File.Delete(file);
            }

            throw;
        }

        return new ImportResult(import, AlreadyImported: false);
    }

    private static void WriteLines<T>(Stream stream, IEnumerable<T> rows)
    {
        var newline = "\n"u8.ToArray();
        foreach (var row in rows)
        {
            JsonSerializer.Serialize(stream, row, row!.GetType(), ActualsJson.Options);
            stream.Write(newline);
        }
    }

    // NOTE: the folder itself is not fsynced after the rename (.NET has no portable call for it), so
    // a power cut right after an import may lose the rename; the manifest then still names the old state.
    private string WriteAtomically(string name, Action<Stream> write)
    {
        var target = Path.Combine(Directory, name);
        var temporary = Path.Combine(Directory, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
            return target;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private StoreManifest ReadManifest()
    {
        if (!File.Exists(ManifestPath))
        {
            return new StoreManifest(FormatVersion, []);
        }

        try
        {
            using var stream = File.OpenRead(ManifestPath);
            var manifest = JsonSerializer.Deserialize<StoreManifest>(stream, ActualsJson.Options);
            if (manifest is null || manifest.Format != FormatVersion)
            {
                throw new JsonException($"format must be {FormatVersion}");
            }

            return manifest;
        }
        catch (JsonException exception)
        {
            throw new InvalidInputException(new InputProblem(ManifestPath, null, null, null,
                $"the actuals store manifest is not valid ({exception.Message}). Restore it from a backup "
                + "or import into a new store with --store."));
        }
    }

    private IEnumerable<T> ReadData<T>(Func<ActualsKind, bool> kinds)
    {
        foreach (var import in ReadManifest().Imports.Where(import => kinds(import.Kind)))
        {
            var path = Path.Combine(Directory, import.DataFile);
            var line = 0;
            foreach (var text in File.ReadLines(path))
            {
                line++;
                if (text.Length == 0)
                {
                    continue;
                }

                T? row;
                try
                {
                    row = JsonSerializer.Deserialize<T>(text, ActualsJson.Options);
                }
                catch (JsonException exception)
                {
                    throw new InvalidInputException(new InputProblem(path, line, null, null,
                        $"the stored actual is not valid ({exception.Message}); the store file was changed "
                        + "outside tokencast."));
                }

                yield return row ?? throw new InvalidInputException(new InputProblem(path, line, null, "null",
                    "a stored actual is null; the store file was changed outside tokencast."));
            }
        }
    }

    private sealed record StoreManifest(int Format, IReadOnlyList<ActualsImport> Imports);
}
