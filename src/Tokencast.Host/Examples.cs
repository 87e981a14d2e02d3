using System.Collections.Immutable;
using Tokencast.Core;
using Tokencast.Grains;
using Tokencast.Grains.Runs;

namespace Tokencast.Host;

/// <summary>
/// The scenarios a host offers by name: the files of one folder, each read with the files it refers to.
/// They are started by name because they read files next to them, which a scenario sent as text cannot.
/// An example reads only files in its folder or below it.
/// </summary>
public sealed class Examples
{
    private readonly Lazy<ImmutableArray<Entry>> _entries;

    /// <summary>Offers the scenarios in <paramref name="folder"/>, read on first use.</summary>
    public Examples(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        _entries = new Lazy<ImmutableArray<Entry>>(Read);
    }

    /// <summary>
    /// Folder the examples appear in, in run inputs and messages: an example's file is
    /// <c>/examples/NAME.yaml</c>, and the files it reads keep their places relative to it.
    /// </summary>
    public const string VirtualFolder = "/examples";

    /// <summary>Folder of the examples that ship with the host, next to its assembly.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "examples");

    /// <summary>The folder read.</summary>
    public string Folder { get; }

    /// <summary>Returns a summary of every example that reads without errors, by name.</summary>
    public IEnumerable<ExampleSummary> List() => _entries.Value.Select(e => e.Summary);

    /// <summary>Returns the scenario input of the example named <paramref name="name"/>.</summary>
    /// <exception cref="InvalidInputException">No example has this name.</exception>
    public ScenarioInput Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var entry = _entries.Value.FirstOrDefault(e => e.Summary.Name == name);
        if (entry is null)
        {
            var names = _entries.Value.Select(e => e.Summary.Name).ToList();
            throw new InvalidInputException(new InputProblem(null, null, "example", name,
                names.Count == 0 ? "this host offers no examples" : $"is not an example; use one of {string.Join(", ", names)}"));
        }

        return entry.Input;
    }

    private ImmutableArray<Entry> Read()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var files = new ExampleFolderFiles(Folder);
        var entries = ImmutableArray.CreateBuilder<Entry>();
        foreach (var path in Directory.EnumerateFiles(Folder).Order(StringComparer.Ordinal))
        {
            if (Path.GetExtension(path) is not (".yaml" or ".yml" or ".json"))
            {
                continue;
            }

            try
            {
                var (input, document) = ScenarioInputs.Capture(VirtualFolder + "/" + Path.GetFileName(path), null, files);
                var summary = new ExampleSummary(
                    Path.GetFileNameWithoutExtension(path), document.Base.Description, [.. document.Branches.Select(b => b.Name)]);
                entries.Add(new Entry(summary, input));
            }
            catch (InvalidInputException)
            {
                // A file that is not a valid scenario (a price catalog, say) is not offered.
            }
        }

        return entries.ToImmutable();
    }

    private sealed record Entry(ExampleSummary Summary, ScenarioInput Input);
}
