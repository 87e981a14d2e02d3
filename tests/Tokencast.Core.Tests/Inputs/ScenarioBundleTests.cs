using Tokencast.Core.Inputs;
using Tokencast.Core.Planning;
using Tokencast.Core.Scenarios;
using Tokencast.Core.Tests.Scenarios;

namespace Tokencast.Core.Tests.Inputs;

public sealed class ScenarioBundleTests : IDisposable
{
    private readonly ExampleFolder _examples = new();

    public void Dispose() => _examples.Dispose();

    [Fact]
    public void Capture_AssistantPlatform_BundlesScenarioAndEmpiricalFiles()
    {
        var bundle = ScenarioBundle.Capture(_examples.PathOf(ExampleFolder.AssistantPlatform));

        Assert.Equal(_examples.PathOf(ExampleFolder.AssistantPlatform), bundle.MainFile);
        Assert.Null(bundle.CatalogFile);
        Assert.Equal(
            Paths(
                ExampleFolder.AssistantPlatform,
                "calibrated/code-completion.code-completion.csv",
                "calibrated/long-context-chat.long-context-chat.csv",
                "calibrated/support-chat.support-chat.csv"),
            bundle.Files.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Capture_ReferenceExample_BundlesCatalogEmpiricalAndEvalFiles()
    {
        var bundle = ScenarioBundle.Capture(_examples.PathOf(ExampleFolder.ReferenceExample));

        Assert.Equal(
            Paths(
                "catalog.json",
                "evals/support-evals.csv",
                "logs/review-input-tokens.csv",
                "logs/review-output-tokens.jsonl",
                ExampleFolder.ReferenceExample),
            bundle.Files.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Capture_FileTexts_EqualDiskTexts()
    {
        var bundle = ScenarioBundle.Capture(_examples.PathOf(ExampleFolder.ReferenceExample));

        foreach (var (path, text) in bundle.Files)
        {
            Assert.Equal(File.ReadAllText(path), text);
        }
    }

    [Theory]
    [InlineData(ExampleFolder.AssistantPlatform)]
    [InlineData(ExampleFolder.ReferenceExample)]
    public void Compile_FilesDeleted_GivesSameBandsAsDisk(string scenario)
    {
        var path = _examples.PathOf(scenario);
        var expected = ExampleFolder.BandsJson(ExampleFolder.CompileFromDisk(path));
        var bundle = ScenarioBundle.Capture(path);
        _examples.Dispose();

        var actual = ExampleFolder.BandsJson(bundle.Compile());

        Assert.False(Directory.Exists(_examples.Root));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Compile_CatalogOverride_GivesSameBandsAsDisk()
    {
        var path = _examples.PathOf(ExampleFolder.ReferenceExample);
        var catalog = CopyCatalog();
        var expected = ExampleFolder.BandsJson(ExampleFolder.CompileFromDisk(path, catalog));
        var bundle = ScenarioBundle.Capture(path, catalog);
        _examples.Dispose();

        var actual = ExampleFolder.BandsJson(bundle.Compile());

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Capture_CatalogOverride_KeepsScenarioCatalog()
    {
        // Reading the scenario checks that its own catalog.json exists, although compiling uses the
        // override, so the bundle needs catalog.json to be read on another machine.
        var catalog = CopyCatalog();

        var bundle = ScenarioBundle.Capture(_examples.PathOf(ExampleFolder.ReferenceExample), catalog);

        Assert.Equal(catalog, bundle.CatalogFile);
        Assert.Contains(catalog, bundle.Files.Keys);
        Assert.Contains(_examples.PathOf("catalog.json"), bundle.Files.Keys);
    }

    [Fact]
    public void Read_FilesDeleted_GivesSameDocument()
    {
        var path = _examples.PathOf(ExampleFolder.ReferenceExample);
        var expected = ScenarioReader.ReadFile(path).Base;
        var bundle = ScenarioBundle.Capture(path);
        _examples.Dispose();

        var actual = bundle.Read().Base;

        Assert.Equal(expected.SourceFile, actual.SourceFile);
        Assert.Equal(expected.CatalogPath, actual.CatalogPath);
        Assert.Equal(expected.FindFeature("code-review")!.InputTokens.Values,
            actual.FindFeature("code-review")!.InputTokens.Values);
        Assert.Equal(expected.FindFeature("code-review")!.OutputTokens.Values,
            actual.FindFeature("code-review")!.OutputTokens.Values);
    }

    [Theory]
    [InlineData(ExampleFolder.ReferenceExample)]
    [InlineData("catalog.json")]
    [InlineData("logs/review-input-tokens.csv")]
    [InlineData("logs/review-output-tokens.jsonl")]
    public void Read_FileMissingFromBundle_ReportsSameProblemsAsDisk(string relativePath)
    {
        var path = _examples.PathOf(ExampleFolder.ReferenceExample);
        var missing = _examples.PathOf(relativePath);
        var bundle = ScenarioBundle.Capture(path);
        var partial = bundle with { Files = bundle.Files.Where(f => f.Key != missing).ToDictionary() };
        File.Delete(missing);

        var onDisk = Assert.Throws<InvalidInputException>(() => ExampleFolder.CompileFromDisk(path)).Problems;
        var fromBundle = Assert.Throws<InvalidInputException>(() => partial.Read()).Problems;

        Assert.Contains("file not found", onDisk[0].Message, StringComparison.Ordinal);
        Assert.Equal(onDisk, fromBundle);
    }

    [Fact]
    public void Compile_OverrideNotInBundle_ThrowsAsDisk()
    {
        var path = _examples.PathOf(ExampleFolder.ReferenceExample);
        var catalog = CopyCatalog();
        var bundle = ScenarioBundle.Capture(path, catalog);
        var partial = bundle with { Files = bundle.Files.Where(f => f.Key != catalog).ToDictionary() };
        File.Delete(catalog);

        var onDisk = Assert.Throws<FileNotFoundException>(() => ExampleFolder.CompileFromDisk(path, catalog));
        var fromBundle = Assert.Throws<FileNotFoundException>(() => partial.Compile());

        Assert.Equal(onDisk.Message, fromBundle.Message);
        Assert.Equal(onDisk.FileName, fromBundle.FileName);
    }

    [Fact]
    public void Compile_UnknownBranch_ReportsBranchNotFound()
    {
        var bundle = ScenarioBundle.Capture(_examples.PathOf(ExampleFolder.ReferenceExample));

        var exception = Assert.Throws<InvalidInputException>(() => bundle.Compile(["nope"]));
        var problem = Assert.Single(exception.Problems);

        Assert.Equal("nope", problem.Value);
        Assert.StartsWith("branch not found", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_NamedBranches_CompilesOnlyThose()
    {
        var bundle = ScenarioBundle.Capture(_examples.PathOf(ExampleFolder.ReferenceExample));

        var plan = bundle.Compile(["stretch", "baseline"]);

        Assert.Equal(["stretch", "baseline"], plan.Branches.Select(b => b.Name));
    }

    // An unknown model alone is found by compiling. With another problem in the file, reading finds both,
    // because it runs the catalog check when the file has problems.
    [Theory]
    [InlineData("    users: 1000")]
    [InlineData("    users: -5")]
    public void Capture_InvalidScenario_ReportsSameProblemsAsDisk(string usersLine)
    {
        var path = _examples.PathOf("invalid.yaml");
        File.WriteAllText(path, ScenarioFiles.Minimal
            .Replace("    model: claude-haiku-4-5", "    model: claude-haiku-9", StringComparison.Ordinal)
            .Replace("    users: 1000", usersLine, StringComparison.Ordinal));

        var onDisk = Assert.Throws<InvalidInputException>(() => ExampleFolder.CompileFromDisk(path)).Problems;
        var captured = Assert.Throws<InvalidInputException>(() => ScenarioBundle.Capture(path)).Problems;

        Assert.Contains(onDisk, p => p.Value == "claude-haiku-9");
        Assert.Equal(onDisk, captured);
    }

    [Fact]
    public void Capture_MissingScenario_ReportsFileNotFound()
    {
        var path = _examples.PathOf("nope.yaml");

        var exception = Assert.Throws<InvalidInputException>(() => ScenarioBundle.Capture(path));
        var problem = Assert.Single(exception.Problems);

        Assert.Equal(path, problem.File);
        Assert.Equal("file not found", problem.Message);
    }

    [Fact]
    public void Capture_FilesOverLimit_Rejected()
    {
        // JSON allows any amount of trailing whitespace, so the padded catalog stays valid while the
        // scenario and its files together pass the limit.
        var catalog = _examples.PathOf("catalog.json");
        File.AppendAllText(catalog, new string(' ', ScenarioReader.MaxFileBytes));

        var exception = Assert.Throws<InvalidInputException>(
            () => ScenarioBundle.Capture(_examples.PathOf(ExampleFolder.ReferenceExample)));

        var problem = Assert.Single(exception.Problems);
        Assert.Contains("limit of 16 MiB for a scenario bundle", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"largest: {catalog} (", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SizeAtLimit_Accepted()
    {
        var bundle = MinimalWithPadding(ScenarioReader.MaxFileBytes);

        Assert.Equal("minimal", bundle.Read().Base.Name);
    }

    [Fact]
    public void Read_SizeOverLimit_Rejected()
    {
        var bundle = MinimalWithPadding(ScenarioReader.MaxFileBytes + 1);

        var problem = Assert.Single(Assert.Throws<InvalidInputException>(() => bundle.Read()).Problems);

        Assert.Contains("take 16,777,217 bytes together", problem.Message, StringComparison.Ordinal);
        Assert.Contains("limit of 16 MiB for a scenario bundle", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeContentHash_CapturedTwice_Equal()
    {
        var path = _examples.PathOf(ExampleFolder.ReferenceExample);

        var first = ScenarioBundle.Capture(path);
        var second = ScenarioBundle.Capture(path);

        Assert.Equal(first.ComputeContentHash(), second.ComputeContentHash());
    }

    [Fact]
    public void ComputeContentHash_OtherInsertionOrder_Equal()
    {
        var bundle = ScenarioBundle.Capture(_examples.PathOf(ExampleFolder.ReferenceExample));
        var reversed = bundle with { Files = bundle.Files.Reverse().ToDictionary() };

        Assert.Equal(bundle.ComputeContentHash(), reversed.ComputeContentHash());
    }

    [Theory]
    [InlineData(ExampleFolder.ReferenceExample)]
    [InlineData("catalog.json")]
    [InlineData("logs/review-input-tokens.csv")]
    [InlineData("logs/review-output-tokens.jsonl")]
    public void ComputeContentHash_OneFileChanged_Differs(string relativePath)
    {
        var path = _examples.PathOf(ExampleFolder.ReferenceExample);
        var before = ScenarioBundle.Capture(path).ComputeContentHash();
        File.AppendAllText(_examples.PathOf(relativePath), "\n");

        var after = ScenarioBundle.Capture(path).ComputeContentHash();

        Assert.NotEqual(before, after);
    }

    [Fact]
    public void ComputeContentHash_PathsChanged_Differs()
    {
        var bundle = ScenarioBundle.Capture(_examples.PathOf(ExampleFolder.ReferenceExample));
        var hash = bundle.ComputeContentHash();

        var otherMain = bundle with { MainFile = bundle.MainFile + "x" };
        Assert.NotEqual(hash, otherMain.ComputeContentHash());
        var withCatalog = bundle with { CatalogFile = _examples.PathOf("catalog.json") };
        Assert.NotEqual(hash, withCatalog.ComputeContentHash());
    }

    [Fact]
    public void ComputeContentHash_SameFilesElsewhere_Equal()
    {
        var original = new ScenarioBundle("/a/s.yaml", new Dictionary<string, string> { ["/a/s.yaml"] = "x", ["/a/d/e.csv"] = "1" }, null);
        var copy = new ScenarioBundle("/b/c/s.yaml", new Dictionary<string, string> { ["/b/c/s.yaml"] = "x", ["/b/c/d/e.csv"] = "1" }, null);

        Assert.Equal(original.ComputeContentHash(), copy.ComputeContentHash());
    }

    [Fact]
    public void ComputeContentHash_KnownBundle_MatchesIndependentDigest()
    {
        // Expected value from Python: each field is its UTF-8 length as a little-endian int64 and then its
        // bytes, with -1 and no bytes for null; paths are relative to the scenario's folder "/".
        // hashlib.sha256(f("s.yaml") + pack("<q", -1) + f("s.yaml") + f("a")).hexdigest(), where
        // f(s) = pack("<q", len(s.encode())) + s.encode().
        var files = new Dictionary<string, string> { ["/s.yaml"] = "a" };
        var bundle = new ScenarioBundle("/s.yaml", files, null);
        const string Expected = "b7a29bfe4637ddd18500579bef8894aed636f12314a718932c03dd8e696efc4d";

        Assert.Equal(Expected, bundle.ComputeContentHash());
    }

    /// <summary>
    /// Returns a bundle of the minimal scenario and a file that nothing reads, of
    /// <paramref name="totalBytes"/> together. The texts are ASCII, so their UTF-8 size is their length.
    /// </summary>
    private ScenarioBundle MinimalWithPadding(int totalBytes)
    {
        var main = _examples.PathOf("minimal.yaml");
        var padding = new string('x', totalBytes - ScenarioFiles.Minimal.Length);
        var files = new Dictionary<string, string>
        {
            [main] = ScenarioFiles.Minimal,
            [_examples.PathOf("padding.txt")] = padding,
        };
        return new ScenarioBundle(main, files, null);
    }

    /// <summary>Copies the example catalog to a catalog override and returns its full path.</summary>
    private string CopyCatalog()
    {
        var catalog = _examples.PathOf("override-catalog.json");
        File.Copy(_examples.PathOf("catalog.json"), catalog);
        return catalog;
    }

    private string[] Paths(params string[] relativePaths) =>
        [.. relativePaths.Select(_examples.PathOf).Order(StringComparer.Ordinal)];
}
