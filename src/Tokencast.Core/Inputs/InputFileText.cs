using System.Text;

namespace Tokencast.Core.Inputs;

/// <summary>
/// Decodes input files the way <see cref="File.ReadAllText(string)"/> does: UTF-8 unless a byte order
/// mark names another encoding, with the mark removed.
/// </summary>
internal static class InputFileText
{
    public static string Read(IInputFiles files, string fullPath)
    {
        using var reader = new StreamReader(files.OpenRead(fullPath), Encoding.UTF8,
            detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8,
            detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Encodes text as UTF-8. A byte order mark is written only when the text itself starts with U+FEFF, so
    /// that decoding, which removes one leading mark, returns the text unchanged.
    /// </summary>
    public static byte[] Encode(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return text.StartsWith('\uFEFF') ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes;
    }

    /// <summary>Returns the number of bytes <see cref="Encode"/> returns, without encoding.</summary>
    public static long EncodedLength(string text) =>
        Encoding.UTF8.GetByteCount(text) + (text.StartsWith('\uFEFF') ? Encoding.UTF8.Preamble.Length : 0);
}
