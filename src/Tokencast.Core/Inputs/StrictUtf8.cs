using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Tokencast.Core.Inputs;

/// <summary>
/// Decodes data files as strict UTF-8, so that a file in another encoding is refused with the line of its
/// first invalid byte instead of read with replacement characters in its names.
/// </summary>
public static class StrictUtf8
{
    /// <summary>Reads <paramref name="path"/> and decodes it; a UTF-8 byte order mark is allowed and dropped.</summary>
    /// <exception cref="InvalidInputException">The file is not UTF-8.</exception>
    public static string ReadFile(string path) => Decode(File.ReadAllBytes(path), path);

    /// <summary>Decodes <paramref name="bytes"/> read from <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">The bytes are not UTF-8.</exception>
    public static string Decode(byte[] bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var chars = new char[bytes.Length - start];
        var status = Utf8.ToUtf16(bytes.AsSpan(start), chars, out var read, out var written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return new string(chars, 0, written);
        }

        var offset = start + read;
        var line = 1 + bytes.AsSpan(0, offset).Count((byte)'\n');
        var value = offset < bytes.Length
            ? string.Create(CultureInfo.InvariantCulture, $"byte 0x{bytes[offset]:X2} at offset {offset}")
            : string.Create(CultureInfo.InvariantCulture, $"a character cut off at offset {offset}");
        throw new InvalidInputException(new InputProblem(path, line, null, value,
            "is not UTF-8; save the file as UTF-8 and read it again"));
    }
}
