using System.Text;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Levers;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes the output files of a forecast into a directory: <c>bands.csv</c>, <c>cost_per_task.csv</c>,
/// <c>bands.json</c> and <c>report.html</c>; with a sensitivity ranking also <c>sensitivity.csv</c>,
/// <c>sensitivity.json</c> and a tornado chart per branch; with operating points also <c>levers.csv</c>,
/// <c>levers.json</c> and a quality-cost chart per feature.
/// </summary>
public static class ForecastOutputWriter
{
    /// <summary>File name of the bands table.</summary>
    public const string BandsCsvName = "bands.csv";

    /// <summary>File name of the cost per task table.</summary>
    public const string CostPerTaskCsvName = "cost_per_task.csv";

    /// <summary>File name of the JSON result.</summary>
    public const string BandsJsonName = "bands.json";

    /// <summary>File name of the HTML report.</summary>
    public const string ReportName = "report.html";

    /// <summary>File name of the sensitivity table.</summary>
    public const string SensitivityCsvName = "sensitivity.csv";

    /// <summary>File name of the sensitivity ranking as JSON.</summary>
    public const string SensitivityJsonName = "sensitivity.json";

    /// <summary>File name of the operating points table.</summary>
    public const string LeversCsvName = "levers.csv";

    /// <summary>File name of the operating points as JSON.</summary>
    public const string LeversJsonName = "levers.json";

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes all output files into <paramref name="directory"/>, creating it when missing, and returns
    /// their paths. Every file is first written in full to a temporary file in the same directory. Only
    /// when all of them are complete are they renamed over the old files, so a failed write leaves the
    /// earlier outputs as they were and removes its temporary files. With <paramref name="sensitivity"/> the
    /// sensitivity files are written too and the report gets a "What widens the band" part per branch. With
    /// <paramref name="levers"/> the operating point files are written too and the report ends with a quality-cost
    /// section. Without either, the four files are the same bytes as before these existed.
    /// </summary>
    public static ForecastOutputFiles WriteAll(
        ForecastResult result,
        string directory,
        ReportContext context,
        IReadOnlyList<BranchSensitivity>? sensitivity = null,
        LeverReport? levers = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(context);

        List<OutputFile> files =
        [
            new OutputFile(BandsCsvName, Text(text => BandsCsvWriter.Write(result, text))),
            new OutputFile(CostPerTaskCsvName, Text(text => CostPerTaskCsvWriter.Write(result, text))),
            new OutputFile(BandsJsonName, stream => BandsJsonWriter.Write(result, stream)),
            new OutputFile(ReportName, Text(text => HtmlReportWriter.Write(result, text, context, sensitivity, levers))),
        ];
        var sensitivityFiles = 0;
        if (sensitivity is not null)
        {
            files.Add(new OutputFile(SensitivityCsvName, Text(text => SensitivityCsvWriter.Write(sensitivity, text))));
            files.Add(new OutputFile(SensitivityJsonName, stream => SensitivityJsonWriter.Write(result, sensitivity, stream)));
            var chartNames = TornadoFileNames(sensitivity.Select(s => s.Branch).ToList());
            for (var b = 0; b < sensitivity.Count; b++)
            {
                var branch = sensitivity[b];
                files.Add(new OutputFile(chartNames[b], Text(text => TornadoChartSvg.Write(
                    text, "tornado", $"Tornado chart of branch {branch.Branch}", branch, standalone: true))));
            }

            sensitivityFiles = files.Count - 4;
        }

        if (levers is not null)
        {
            files.Add(new OutputFile(LeversCsvName, Text(text => LeversCsvWriter.Write(levers, text))));
            files.Add(new OutputFile(LeversJsonName, stream => LeversJsonWriter.Write(levers, stream)));
            foreach (var feature in levers.Features)
            {
                files.Add(new OutputFile(LeverChartName(feature.Feature), Text(text => QualityCostChartSvg.Write(feature, text))));
            }
        }

        var written = WriteAtomically(directory, files);
        var leverFiles = written.Skip(4 + sensitivityFiles).ToArray();
        return new ForecastOutputFiles(written[0], written[1], written[2], written[3])
        {
            SensitivityCsv = sensitivity is null ? null : written[4],
            SensitivityJson = sensitivity is null ? null : written[5],
            TornadoCharts = sensitivity is null ? [] : written.Skip(6).Take(sensitivityFiles - 2).ToArray(),
            LeversCsv = levers is null ? null : leverFiles[0],
            LeversJson = levers is null ? null : leverFiles[1],
            QualityCostCharts = levers is null ? [] : leverFiles.Skip(2).ToArray(),
        };
    }

    /// <summary>Returns the file name of a feature's quality-cost chart, <c>levers-FEATURE.svg</c>.</summary>
    /// <remarks>Feature ids are letters, digits, <c>-</c> and <c>_</c>, so the name needs no escaping.</remarks>
    public static string LeverChartName(string feature) => $"levers-{feature}.svg";

    /// <summary>
    /// Returns the tornado chart file name of each branch, <c>tornado-NAME.svg</c>, with every character of the
    /// name other than an ASCII letter, digit, hyphen or underscore replaced by a hyphen. A name that is then
    /// empty or taken by an earlier branch gets its position instead, as in <c>tornado-2.svg</c>.
    /// </summary>
    public static IReadOnlyList<string> TornadoFileNames(IReadOnlyList<string> branches)
    {
        ArgumentNullException.ThrowIfNull(branches);
        var names = new List<string>();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var b = 0; b < branches.Count; b++)
        {
            var slug = new string(branches[b].Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
            var name = $"tornado-{slug}.svg";
            if (slug.Trim('-').Length == 0 || !taken.Add(name))
            {
                name = $"tornado-{b + 1}.svg";
                taken.Add(name);
            }

            names.Add(name);
        }

        return names;
    }

    /// <summary>A file to write: its name in the directory and the code that writes its content.</summary>
    internal sealed record OutputFile(string Name, Action<Stream> Write);

    /// <summary>
    /// Writes each file to a temporary file next to its destination, then renames them all into place, and
    /// returns the destination paths in the order of <paramref name="files"/>.
    /// </summary>
    /// <remarks>
    /// A rename within one directory replaces the destination atomically on Linux and macOS (rename(2)), so
    /// a reader sees the whole old file or the whole new one.
    /// NOTE: the set is not replaced as one unit. If a rename fails after an earlier one succeeded, the
    /// directory contains new and old files side by side. The remaining temporary files are removed.
    /// </remarks>
    internal static IReadOnlyList<string> WriteAtomically(string directory, IReadOnlyList<OutputFile> files)
    {
        var fullDirectory = Path.GetFullPath(directory);
        Directory.CreateDirectory(fullDirectory);

        var temporaryPaths = new List<string>();
        try
        {
            foreach (var file in files)
            {
                var temporaryName = $".{file.Name}.{Path.GetRandomFileName()}.tmp";
                var temporaryPath = Path.Combine(fullDirectory, temporaryName);
                temporaryPaths.Add(temporaryPath);
                using var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write);
                file.Write(stream);
                stream.Flush(flushToDisk: true);
            }

            var destinations = new List<string>();
            for (var i = 0; i < files.Count; i++)
            {
                var destination = Path.Combine(fullDirectory, files[i].Name);
                File.Move(temporaryPaths[i], destination, overwrite: true);
                destinations.Add(destination);
            }

            return destinations;
        }
        finally
        {
            foreach (var temporaryPath in temporaryPaths)
            {
                File.Delete(temporaryPath);
            }
        }
    }

    /// <summary>Adapts a text writer body to a stream, encoding UTF-8 without a byte order mark.</summary>
    private static Action<Stream> Text(Action<TextWriter> write) => stream =>
    {
        using var text = new StreamWriter(stream, Utf8WithoutBom, bufferSize: 1 << 16, leaveOpen: true);
        write(text);
    };
}
