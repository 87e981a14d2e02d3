using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tokencast.Core.Variance;

namespace Tokencast.Core.History;

/// <summary>
/// The review of the period a version closed (variance explained, weeks checked, alerts), stored next to the
/// version's file in a folder history as <c>000002.review.json</c>. The version file stays as it was, so its
/// input hash is not affected.
/// </summary>
public static class ReviewFile
{
    /// <summary>Format name written in every review file.</summary>
    public const string Format = "tokencast.review.v1";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Returns the path of the review file of version <paramref name="number"/> of <paramref name="name"/>.</summary>
    public static string PathOf(string historyFolder, string name, int number) =>
        Path.Combine(historyFolder, name, number.ToString("D6", CultureInfo.InvariantCulture) + ".review.json");

    /// <summary>
    /// Writes the review of version <paramref name="number"/>: to a temporary file first, renamed into place once
    /// flushed, so that a reader never sees half a file.
    /// </summary>
    public static void Write(string path, int number, PeriodReview review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, new ReviewDocument(Format, number, review), Json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the review of a version, or returns null when the version has no review file.</summary>
    /// <exception cref="InvalidInputException">The file is damaged or of another format.</exception>
    public static PeriodReview? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        ReviewDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<ReviewDocument>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException exception)
        {
            throw new InvalidInputException(new InputProblem(path, null, null, null,
                $"is not a readable review file: {exception.Message}"));
        }

        return document?.Format == Format && document.Review is not null
            ? document.Review
            : throw new InvalidInputException(new InputProblem(path, null, "format", document?.Format,
                $"is not a review file this version reads; it reads {Format}"));
    }

    private sealed record ReviewDocument(string Format, int Version, PeriodReview Review);
}
