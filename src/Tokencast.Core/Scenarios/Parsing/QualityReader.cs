using Tokencast.Core.Inputs;
using Tokencast.Core.Quality;
using YamlDotNet.RepresentationModel;

namespace Tokencast.Core.Scenarios;

/// <summary>
/// Reads <c>quality: {evals: FILE}</c> and the eval results file it names, through the context's files so
/// that a scenario bundle captures the file like an empirical values file.
/// </summary>
internal static class QualityReader
{
    public static QualitySpec? Read(YamlNode? node, string path, ParseContext context)
    {
        if (node is null
            || MappingReader.Open(node, path, context, "quality settings such as {evals: evals.csv}", ["evals"])
                is not { } quality)
        {
            return null;
        }

        if (quality.Text("evals", required: true) is not { } relative)
        {
            return null;
        }

        var evalsNode = quality.Find("evals")!;
        var evalsPath = quality.ChildPath("evals");
        var fullPath = context.ResolvePath(relative);
        if (!context.Files.Exists(fullPath))
        {
            context.Report(evalsNode, evalsPath, relative,
                $"file not found: {fullPath}; paths are relative to the scenario file");
            return null;
        }

        if (context.Files.Length(fullPath) > ScenarioReader.MaxFileBytes)
        {
            context.Report(evalsNode, evalsPath, relative,
                $"eval results file is larger than the limit of {ScenarioReader.MaxFileBytes / (1024 * 1024)} MiB");
            return null;
        }

        try
        {
            var text = StrictUtf8.Decode(ReadBytes(context.Files, fullPath), fullPath);
            return new QualitySpec(fullPath, EvalResultsReader.Parse(text, fullPath), quality.Location);
        }
        catch (InvalidInputException exception)
        {
            // The problems name the eval results file and its lines, not the scenario.
            context.Problems.AddRange(exception.Problems);
            return null;
        }
    }

    private static byte[] ReadBytes(IInputFiles files, string fullPath)
    {
        using var stream = files.OpenRead(fullPath);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
