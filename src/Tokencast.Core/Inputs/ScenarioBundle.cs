using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Tokencast.Core.Planning;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Simulation;

namespace Tokencast.Core.Inputs;

/// <summary>
/// A scenario file with the text of every file that reading and compiling it used: the scenario itself, its
/// catalog files and its empirical value files. Another machine compiles the same plan from a bundle
/// without access to those files.
/// </summary>
/// <remarks>
/// The LiteLLM catalog compiled into the library is not part of a bundle, so both machines must run the same
/// Tokencast build. Record equality compares <see cref="Files"/> by reference; compare
/// <see cref="ComputeContentHash"/> to recognise two bundles with the same content.
/// NOTE: paths are kept as the capturing machine writes them, so a bundle captured on Windows does not
/// resolve on Linux or macOS, nor the other way round.
/// </remarks>
/// <param name="MainFile">Full path of the scenario file.</param>
/// <param name="Files">Text of every file read, keyed by full path, the scenario file included.</param>
/// <param name="CatalogFile">
/// Full path of the catalog file that replaces the scenario's and the bundled one, or null.
/// </param>
public sealed record ScenarioBundle(
    string MainFile,
    IReadOnlyDictionary<string, string> Files,
    string? CatalogFile)
{
    /// <summary>
    /// Reads, checks and compiles every branch of the scenario file from disk, and bundles every file read.
    /// The checks are those of <see cref="ScenarioReader.ReadFile"/> with
    /// <see cref="CatalogCheck.UnknownModels(Scenario)"/> followed by <see cref="ScenarioCompiler.Compile"/>.
    /// </summary>
    /// <param name="path">The scenario file, relative to the current folder or full.</param>
    /// <param name="catalogFile">
    /// A catalog file that replaces the scenario's and the bundled one, or null.
    /// </param>
    /// <param name="files">Source of the files; null reads from disk. The bundle keys files by its paths.</param>
    /// <exception cref="InvalidInputException">
    /// The scenario is invalid, with the problems that reading and compiling it from disk report, or the
    /// files together take more than <see cref="ScenarioReader.MaxFileBytes"/>.
    /// </exception>
    public static ScenarioBundle Capture(string path, string? catalogFile = null, IInputFiles? files = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var recorder = new RecordingInputFiles(files ?? DiskInputFiles.Instance);
        var document = ScenarioReader.ReadFile(path, s => CatalogCheck.UnknownModels(s, recorder), recorder);
        ScenarioCompiler.Compile(document, null, catalogFile, recorder);
        recorder.RecordFoundFiles();

        var bundle = new ScenarioBundle(
            Path.GetFullPath(path),
            recorder.Texts.ToImmutableSortedDictionary(StringComparer.Ordinal),
            catalogFile is null ? null : Path.GetFullPath(catalogFile));
        bundle.CheckSize();
        return bundle;
    }

    /// <summary>
    /// Reads the scenario from the bundled texts only. Messages name the scenario file by its full path.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The scenario is invalid, a file it names is not in the bundle, or the bundle is too large.
    /// </exception>
    public ScenarioDocument Read() => Read(OpenFiles());

    /// <summary>
    /// Reads and compiles the named branches (all when null or empty) from the bundled texts only.
    /// </summary>
    /// <exception cref="InvalidInputException">
    /// The scenario is invalid, a branch or a file is not found, or the bundle is too large.
    /// </exception>
    /// <exception cref="FileNotFoundException">
    /// <see cref="CatalogFile"/> is not in the bundle, which is what loading a missing catalog gives on disk.
    /// </exception>
    public SimulationPlan Compile(IReadOnlyList<string>? branchNames = null)
    {
        var files = OpenFiles();
        return ScenarioCompiler.Compile(Read(files), branchNames, CatalogFile, files);
    }

    /// <summary>
    /// Computes a lowercase hex SHA-256 over the scenario path, the catalog path and every file path and text
    /// in ordinal order of path, so that two bundles of the same files give the same hash. Paths are taken
    /// relative to the scenario's folder, so the same files in another folder give the same hash too.
    /// </summary>
    public string ComputeContentHash()
    {
        // Paths enter the hash relative to the scenario's folder, so the same files copied to another folder
        // (another checkout, another machine) hash the same.
        var folder = Path.GetDirectoryName(MainFile) ?? "";
        string Relative(string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendField(hash, Relative(MainFile));
        AppendField(hash, CatalogFile is null ? null : Relative(CatalogFile));
        foreach (var (relative, path) in Files.Keys.Select(path => (Relative(path), path)).OrderBy(p => p.Item1, StringComparer.Ordinal))
        {
            AppendField(hash, relative);
            AppendField(hash, Files[path]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private ScenarioDocument Read(InMemoryInputFiles files) =>
        ScenarioReader.ReadFile(MainFile, s => CatalogCheck.UnknownModels(s, files), files);

    private InMemoryInputFiles OpenFiles()
    {
        CheckSize();
        return new InMemoryInputFiles(Files);
    }

    private void CheckSize()
    {
        var sizes = Files
            .Select(f => (Path: f.Key, Bytes: (long)Encoding.UTF8.GetByteCount(f.Value)))
            .ToList();
        var total = sizes.Sum(s => s.Bytes);
        if (total <= ScenarioReader.MaxFileBytes)
        {
            return;
        }

        var largest = sizes
            .OrderByDescending(s => s.Bytes)
            .Take(3)
            .Select(s => $"{s.Path} ({s.Bytes:N0} bytes)");
        throw new InvalidInputException(new InputProblem(MainFile, null, null, null,
            $"the scenario and the files it refers to take {total:N0} bytes together, more than the limit of "
            + $"{ScenarioReader.MaxFileBytes / (1024 * 1024)} MiB for a scenario bundle; largest: "
            + $"{string.Join(", ", largest)}. Use smaller empirical value files or a smaller catalog"));
    }

    // Each field is written as its UTF-8 length and bytes, and null as length -1, so that no two different
    // sequences of fields give the same input to the hash.
    private static void AppendField(IncrementalHash hash, string? field)
    {
        var bytes = field is null ? [] : Encoding.UTF8.GetBytes(field);
        Span<byte> length = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(length, field is null ? -1L : bytes.LongLength);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
