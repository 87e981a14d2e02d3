using Tokencast.Core.Actuals;
using static Tokencast.Core.Tests.Actuals.ActualsTestData;

namespace Tokencast.Core.Tests.Actuals;

public sealed class ActualsStoreTests : IDisposable
{
    private const string Header = "task_id,response_id,timestamp,model,input_tokens,output_tokens\n";

    private readonly string _root =
        Path.Combine(Path.GetTempPath(), "tokencast-actuals-" + Guid.NewGuid().ToString("N"));
    private readonly ActualsStore _store;
    private readonly UsageImportOptions _options = new() { PriceDate = PriceDate };

    public ActualsStoreTests()
    {
        Directory.CreateDirectory(_root);
        _store = new ActualsStore(Path.Combine(_root, "store"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void ImportUsage_SameFileTwice_StoreUnchanged()
    {
        var log = WriteFile("a.csv", Header + "t1,r1,2026-08-01T10:00:00Z,claude-opus,1000,0\n");
        var first = _store.ImportUsage(log, _options, OpusCatalog);
        var before = Snapshot();

        var second = _store.ImportUsage(log, _options, OpusCatalog);

        Assert.False(first.AlreadyImported);
        Assert.True(second.AlreadyImported);
        Assert.Equal(first.Import.Key, second.Import.Key);
        Assert.Equal(before, Snapshot());
        Assert.Single(_store.ListImports());
    }

    [Fact]
    public void ImportUsage_OtherOptions_NewImport()
    {
        var log = WriteFile("a.csv", Header + "t1,r1,2026-08-01T10:00:00Z,claude-opus,1000,0\n");
        _store.ImportUsage(log, _options, OpusCatalog);

        var second = _store.ImportUsage(log, _options with { DefaultModel = "claude-opus" }, OpusCatalog);

        Assert.False(second.AlreadyImported);
        Assert.Equal(2, _store.ListImports().Count);
    }

    [Fact]
    public void ImportUsage_BadRowInMiddle_StoreByteIdentical()
    {
        _store.ImportUsage(WriteFile("good.csv", Header + "t1,r1,,claude-opus,1000,0\n"), _options, OpusCatalog);
        var before = Snapshot();
        var bad = WriteFile("bad.csv", Header + "t2,r2,,claude-opus,1000,0\nt2,r3,,claude-opus,-5,0\n"
            + "t2,r4,,claude-opus,1000,0\n");

        var exception = Assert.Throws<InvalidInputException>(() => _store.ImportUsage(bad, _options, OpusCatalog));

        Assert.All(exception.Problems, problem => Assert.Equal(3, problem.Line));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void ImportUsage_BadRowIntoNewStore_NoFolderCreated()
    {
        var bad = WriteFile("bad.csv", Header + "t2,r3,,claude-opus,x,0\n");

        Assert.Throws<InvalidInputException>(() => _store.ImportUsage(bad, _options, OpusCatalog));

        Assert.False(Directory.Exists(_store.Directory));
    }

    [Fact]
    public void ImportUsage_SetAside_ImportsRestAndCounts()
    {
        var bad = WriteFile("bad.csv", Header + "t2,r2,,claude-opus,1000,0\nt2,r3,,claude-opus,-5,0\n"
            + "t2,r4,,claude-opus,1000,0\n");

        var result = _store.ImportUsage(bad, _options with { SetAside = true }, OpusCatalog);

        Assert.Equal(1, result.Import.SetAsideRows);
        Assert.Equal(2, result.Import.Calls);
        Assert.Equal(3, result.Import.RowsRead);
        Assert.Equal(0.01m, result.Import.EstimatedCostUsd);
        var rejected = File.ReadAllText(Path.Combine(_store.Directory, result.Import.RejectedFile!));
        Assert.Contains("\"line\":3", rejected, StringComparison.Ordinal);
        Assert.Contains("(value: -5)", rejected, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadUsage_DateRange_FiltersAndKeepsDecimals()
    {
        // 3 input tokens at 5 per million is 0.000015, which a double would not hold exactly.
        var log = WriteFile("a.csv", Header
            + "t1,r1,2026-08-01T10:00:00Z,claude-opus,3,0\n"
            + "t1,r2,2026-08-02T10:00:00Z,claude-opus,1000,0\n"
            + "t1,r3,,claude-opus,1000,0\n");
        _store.ImportUsage(log, _options, OpusCatalog);

        var all = _store.ReadUsage();
        var firstDay = _store.ReadUsage(
            new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 8, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(3, all.Count);
        Assert.Equal(0.000015m, Assert.Single(firstDay).EstimatedCostUsd);
        Assert.Equal(1000, all[1].Buckets!.Value.UncachedInput);
        Assert.Equal("t1", all[2].TaskId);
    }

    [Fact]
    public void ImportBilled_FocusExport_ReadBackSeparately()
    {
        var focus = WriteFile("bill.csv",
            "ChargePeriodStart,ChargePeriodEnd,BillingCurrency,BilledCost,EffectiveCost\n"
            + "2025-03-01T00:00:00Z,2025-03-02T00:00:00Z,USD,0.10000000001,0.1\n");
        _store.ImportUsage(WriteFile("a.csv", Header + "t1,r1,,claude-opus,1000,0\n"), _options, OpusCatalog);

        var result = _store.ImportBilled(focus, new FocusImportOptions());

        Assert.Equal(0.10000000001m, result.Import.BilledCostByCurrency!["USD"]);
        Assert.Null(result.Import.EstimatedCostUsd);
        Assert.Equal(0.10000000001m, Assert.Single(_store.ReadBilled()).BilledCost);
        Assert.Single(_store.ReadUsage());
    }

    [Fact]
    public void ImportUsage_Latin1Bytes_RejectedWithLine()
    {
        var log = Path.Combine(_root, "latin1.csv");
        // "café" in Latin-1 ends in the single byte 0xE9, which is not valid UTF-8.
        File.WriteAllBytes(log, [.. System.Text.Encoding.ASCII.GetBytes(Header + "t1,r1,,claude-opus,1000,0\ncaf"), 0xE9,
            .. System.Text.Encoding.ASCII.GetBytes(",r2,,claude-opus,1000,0\n")]);

        var exception = Assert.Throws<InvalidInputException>(() => _store.ImportUsage(log, _options, OpusCatalog));

        var problem = Assert.Single(exception.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("0xE9", problem.Value, StringComparison.Ordinal);
        Assert.Contains("not UTF-8", problem.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_store.Directory));
    }

    [Fact]
    public void ImportUsage_ByteOrderMark_Imported()
    {
        var log = Path.Combine(_root, "bom.csv");
        File.WriteAllBytes(log, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Header + "t1,r1,,claude-opus,1000,0\n")]);

        var result = _store.ImportUsage(log, _options, OpusCatalog);

        Assert.Equal(1, result.Import.Calls);
    }

    [Fact]
    public void ImportUsage_HeaderOnly_Rejected()
    {
        var log = WriteFile("empty.csv", Header);

        var exception = Assert.Throws<InvalidInputException>(() => _store.ImportUsage(log, _options, OpusCatalog));

        Assert.Contains("no data rows", Assert.Single(exception.Problems).Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_store.Directory));
    }

    [Fact]
    public void ImportUsage_StaleTemporaryFile_Removed()
    {
        _store.ImportUsage(WriteFile("a.csv", Header + "t1,r1,,claude-opus,1000,0\n"), _options, OpusCatalog);
        var stale = Path.Combine(_store.Directory, ".usage-0123.jsonl.0123456789abcdef.tmp");
        File.WriteAllText(stale, "half a file");

        _store.ImportUsage(WriteFile("b.csv", Header + "t2,r2,,claude-opus,1000,0\n"), _options, OpusCatalog);

        Assert.False(File.Exists(stale));
        Assert.Equal(2, _store.ListImports().Count);
    }

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private SortedDictionary<string, string> Snapshot()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_store.Directory, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(_store.Directory, file)] = Convert.ToBase64String(File.ReadAllBytes(file));
        }

        return files;
    }
}
