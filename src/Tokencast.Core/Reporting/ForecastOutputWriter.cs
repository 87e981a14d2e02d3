using System.Text;
using Tokencast.Core.Forecasting;

namespace Tokencast.Core.Reporting;

/// <summary>
/// Writes the output files of a forecast into a directory: <c>bands.csv</c>, <c>cost_per_task.csv</c>,
/// <c>bands.json</c> and <c>report.html</c>.
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

    private static readonly UTF8Encoding Utf8WithoutBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes all output files into <paramref name="directory"/>, creating it when missing, and returns
    /// their paths. Every file is first written in full to a temporary file in the same directory. Only
    /// when all of them are complete are they renamed over the old files, so a failed write leaves the
    /// earlier outputs as they were and removes its temporary files.
    /// </summary>
    public static ForecastOutputFiles WriteAll(ForecastResult result, string directory, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(context);

        var paths = WriteAtomically(
            directory,
            [
                new OutputFile(BandsCsvName, Text(text => BandsCsvWriter.Write(result, text))),
                new OutputFile(CostPerTaskCsvName, Text(text => CostPerTaskCsvWriter.Write(result, text))),
                new OutputFile(BandsJsonName, stream => BandsJsonWriter.Write(result, stream)),
                new OutputFile(ReportName, Text(text => HtmlReportWriter.Write(result, text, context))),
            ]);
        return new ForecastOutputFiles(paths[0], paths[1], paths[2], paths[3]);
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
