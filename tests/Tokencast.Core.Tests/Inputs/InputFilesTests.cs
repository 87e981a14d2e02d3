using System.Text;
using Tokencast.Core.Inputs;

namespace Tokencast.Core.Tests.Inputs;

public sealed class InputFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-inputs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void InMemoryOpenRead_MissingFile_ThrowsAsDisk()
    {
        var path = Path.Combine(_folder, "missing.json");
        var files = new InMemoryInputFiles(new Dictionary<string, string>());

        var onDisk = Assert.Throws<FileNotFoundException>(() => DiskInputFiles.Instance.OpenRead(path));
        var inMemory = Assert.Throws<FileNotFoundException>(() => files.OpenRead(path));

        Assert.Equal(onDisk.Message, inMemory.Message);
        Assert.Equal(onDisk.FileName, inMemory.FileName);
    }

    [Fact]
    public void InMemoryLength_MissingFile_ThrowsAsDisk()
    {
        var path = Path.Combine(_folder, "missing.json");
        var files = new InMemoryInputFiles(new Dictionary<string, string>());

        var onDisk = Assert.Throws<FileNotFoundException>(() => DiskInputFiles.Instance.Length(path));
        var inMemory = Assert.Throws<FileNotFoundException>(() => files.Length(path));

        Assert.Equal(onDisk.Message, inMemory.Message);
    }

    [Fact]
    public void InMemoryExists_OtherPathOrCase_False()
    {
        var path = Path.Combine(_folder, "a.yaml");
        var files = new InMemoryInputFiles(new Dictionary<string, string> { [path] = "name: a" });

        Assert.True(files.Exists(path));
        Assert.False(files.Exists(Path.Combine(_folder, "b.yaml")));
        Assert.False(files.Exists(path.ToUpperInvariant()));
    }

    // A text that starts with U+FEFF keeps it: the stream then starts with a byte order mark, which the
    // reader removes, followed by the character itself.
    [Theory]
    [InlineData("")]
    [InlineData("name: plain")]
    [InlineData("name: caf\u00e9 \u4e2d\u6587")]
    [InlineData("\uFEFFname: starts with U+FEFF")]
    public void InMemoryOpenRead_AnyText_DecodesToSameText(string text)
    {
        var path = Path.Combine(_folder, "a.yaml");
        var files = new InMemoryInputFiles(new Dictionary<string, string> { [path] = text });

        using var stream = files.OpenRead(path);
        var length = stream.Length;
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

        Assert.Equal(text, reader.ReadToEnd());
        Assert.Equal(length, files.Length(path));
    }

    [Fact]
    public void RecordingOpenRead_ByteOrderMark_PassesBytesThrough()
    {
        var path = Path.Combine(_folder, "a.csv");
        byte[] bytes = [.. Encoding.UTF8.Preamble, .. "tokens\n12\n"u8];
        File.WriteAllBytes(path, bytes);
        var recorder = new RecordingInputFiles(DiskInputFiles.Instance);

        using var stream = recorder.OpenRead(path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal("tokens\n12\n", recorder.Texts[path]);
    }

    [Fact]
    public void RecordingOpenRead_Utf16File_DecodesAsReadAllText()
    {
        var path = Path.Combine(_folder, "a.yaml");
        File.WriteAllText(path, "name: caf\u00e9", Encoding.Unicode);
        var recorder = new RecordingInputFiles(DiskInputFiles.Instance);

        recorder.OpenRead(path).Dispose();

        Assert.Equal(File.ReadAllText(path), recorder.Texts[path]);
    }

    [Fact]
    public void RecordingExists_FileNotOpened_NotRecorded()
    {
        var path = Path.Combine(_folder, "catalog.json");
        File.WriteAllText(path, "{}");
        var recorder = new RecordingInputFiles(DiskInputFiles.Instance);

        Assert.True(recorder.Exists(path));
        Assert.Empty(recorder.Texts);
    }

    [Fact]
    public void RecordFoundFiles_FileOnlyChecked_RecordsIt()
    {
        var found = Path.Combine(_folder, "catalog.json");
        File.WriteAllText(found, "{}");
        var recorder = new RecordingInputFiles(DiskInputFiles.Instance);
        recorder.Exists(found);
        recorder.Exists(Path.Combine(_folder, "missing.json"));

        recorder.RecordFoundFiles();

        Assert.Equal([found], recorder.Texts.Keys);
        Assert.Equal("{}", recorder.Texts[found]);
    }
}
