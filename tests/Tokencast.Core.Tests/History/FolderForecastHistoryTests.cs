using Tokencast.Core.History;
using Tokencast.Core.Tests.Reporting;

namespace Tokencast.Core.Tests.History;

public sealed class FolderForecastHistoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-history-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Add_FirstDraft_IsVersionOne()
    {
        var history = new FolderForecastHistory(_folder);

        var addition = history.Add(HistorySamples.Draft(SampleForecasts.TwoBranches()));

        Assert.True(addition.Added);
        Assert.Equal(1, addition.Version.Number);
        Assert.True(File.Exists(Path.Combine(_folder, "platform", "000001.json")));
    }

    [Fact]
    public void Add_SameForecastTwice_StoresOneVersion()
    {
        var history = new FolderForecastHistory(_folder);
        var first = history.Add(HistorySamples.Draft(SampleForecasts.TwoBranches()));

        var second = history.Add(HistorySamples.Draft(SampleForecasts.TwoBranches()));

        Assert.False(second.Added);
        Assert.Equal(first.Version.Number, second.Version.Number);
        Assert.Single(history.List("platform"));
    }

    [Fact]
    public void Add_OtherCutOffOrInputs_AddsNextVersions()
    {
        var history = new FolderForecastHistory(_folder);
        var result = SampleForecasts.TwoBranches();
        history.Add(HistorySamples.Draft(result));

        var withActuals = history.Add(HistorySamples.Draft(result, cutOff: new DateOnly(2027, 1, 31)));
        var otherSeed = history.Add(HistorySamples.Draft(result, HistorySamples.Inputs(seed: 7)));

        Assert.Equal(2, withActuals.Version.Number);
        Assert.Equal(3, otherSeed.Version.Number);
        Assert.Equal([1, 2, 3], history.List("platform").Select(v => v.Number));
        Assert.Equal(3, history.Latest("platform")!.Number);
    }

    [Fact]
    public void Add_WriterThrows_LeavesEarlierVersionsByteIdentical()
    {
        var good = new FolderForecastHistory(_folder);
        good.Add(HistorySamples.Draft(SampleForecasts.TwoBranches()));
        var versionFile = Path.Combine(_folder, "platform", "000001.json");
        var before = File.ReadAllBytes(versionFile);
        var failing = new FolderForecastHistory(_folder, writeVersion: (version, stream) =>
        {
            stream.Write("{\"format\":"u8);
            throw new IOException("disk full");
        });

        Assert.Throws<IOException>(() => failing.Add(HistorySamples.Draft(
            SampleForecasts.TwoBranches(), HistorySamples.Inputs(seed: 9))));

        Assert.Equal(before, File.ReadAllBytes(versionFile));
        Assert.Equal(["000001.json"], Directory.GetFiles(Path.Combine(_folder, "platform")).Select(Path.GetFileName));
        Assert.Single(good.List("platform"));
    }

    [Fact]
    public void Add_TemporaryFileLeftByCrash_IsIgnored()
    {
        var history = new FolderForecastHistory(_folder);
        history.Add(HistorySamples.Draft(SampleForecasts.TwoBranches()));
        File.WriteAllText(Path.Combine(_folder, "platform", ".0123.tmp"), "{\"format\":");

        var versions = history.List("platform");

        Assert.Single(versions);
    }

    [Fact]
    public void GetVersion_StoredVersion_ReturnsSameBandsJsonBytes()
    {
        var history = new FolderForecastHistory(_folder);
        var draft = HistorySamples.Draft(SampleForecasts.TwoBranches());
        history.Add(draft);

        var stored = new FolderForecastHistory(_folder).GetVersion("platform", 1)!;

        Assert.Equal(draft.BandsJson.ToArray(), stored.BandsJson.ToArray());
        Assert.Equal(draft.Inputs.ComputeHash(), stored.InputHash);
        Assert.Equal(draft.Inputs.ComputeHash(), stored.Inputs.ComputeHash());
        Assert.Equal(HistorySamples.Scenario, stored.Inputs.Scenario.Files[HistorySamples.MainFile]);
    }

    [Fact]
    public void GetVersion_StoredVersion_KeepsMetadata()
    {
        var createdAt = new DateTimeOffset(2027, 2, 3, 8, 30, 0, TimeSpan.Zero);
        var history = new FolderForecastHistory(_folder, new FixedTime(createdAt));
        var draft = HistorySamples.Draft(SampleForecasts.TwoBranches(), cutOff: new DateOnly(2027, 1, 31))
            with { ImportIds = ["import-1", "import-2"], Note = "recalibrated chat tokens from 1,204 tasks" };
        history.Add(draft);

        var stored = history.GetVersion("platform", 1)!;

        Assert.Equal("platform", stored.Name);
        Assert.Equal(new DateOnly(2027, 1, 31), stored.CutOff);
        Assert.Equal(createdAt, stored.CreatedAt);
        Assert.Equal(["import-1", "import-2"], stored.ImportIds);
        Assert.Equal("recalibrated chat tokens from 1,204 tasks", stored.Note);
        Assert.Equal(1000, stored.Inputs.Trials);
        Assert.Equal(42UL, stored.Inputs.Seed);
    }

    [Fact]
    public void GetVersion_ChangedResult_ThrowsChecksumError()
    {
        var history = new FolderForecastHistory(_folder);
        history.Add(HistorySamples.Draft(SampleForecasts.TwoBranches()));
        var path = Path.Combine(_folder, "platform", "000001.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"p50\": 50,", "\"p50\": 51,", StringComparison.Ordinal));

        var exception = Assert.Throws<InvalidInputException>(() => history.GetVersion("platform", 1));

        Assert.Contains("result_sha256", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetVersion_UnknownVersion_ReturnsNull()
    {
        var history = new FolderForecastHistory(_folder);
        history.Add(HistorySamples.Draft(SampleForecasts.TwoBranches()));

        Assert.Null(history.GetVersion("platform", 2));
        Assert.Null(history.GetVersion("other", 1));
        Assert.Null(history.Latest("other"));
    }

    [Fact]
    public void Names_TwoForecasts_ReturnsBothInOrder()
    {
        var history = new FolderForecastHistory(_folder);
        history.Add(HistorySamples.Draft(SampleForecasts.TwoBranches(), name: "zeta"));
        history.Add(HistorySamples.Draft(SampleForecasts.TwoBranches(), name: "alpha"));
        Directory.CreateDirectory(Path.Combine(_folder, "empty"));

        Assert.Equal(["alpha", "zeta"], history.Names());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Platform")]
    [InlineData("../escape")]
    [InlineData(".hidden")]
    [InlineData("a b")]
    public void Add_InvalidName_ThrowsInvalidInput(string name)
    {
        var history = new FolderForecastHistory(_folder);

        Assert.Throws<InvalidInputException>(
            () => history.Add(HistorySamples.Draft(SampleForecasts.TwoBranches(), name: name)));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void GetExisting_UnknownName_ListsKnownNames()
    {
        var history = new FolderForecastHistory(_folder);
        history.Add(HistorySamples.Draft(SampleForecasts.TwoBranches(), name: "platform"));

        var exception = Assert.Throws<InvalidInputException>(() => history.GetExisting("support", 1));

        Assert.Contains("forecasts in the history: platform", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetExisting_UnknownVersion_ListsVersions()
    {
        var history = new FolderForecastHistory(_folder);
        history.Add(HistorySamples.Draft(SampleForecasts.TwoBranches()));
        history.Add(HistorySamples.Draft(SampleForecasts.TwoBranches(), HistorySamples.Inputs(seed: 5)));

        var exception = Assert.Throws<InvalidInputException>(() => history.GetExisting("platform", 7));

        Assert.Contains("its versions are 1, 2", exception.Message, StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
