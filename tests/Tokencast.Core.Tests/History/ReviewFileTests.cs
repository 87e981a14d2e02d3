using Tokencast.Core.History;
using Tokencast.Core.Variance;

namespace Tokencast.Core.Tests.History;

public sealed class ReviewFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tokencast-review-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_AfterWrite_KeepsExactDecimals()
    {
        var path = Path.Combine(_folder, "000002.review.json");

        ReviewFile.Write(path, 2, Review());
        var read = ReviewFile.Read(path)!;

        // 0.1 + 0.2 is exact in decimal and would not survive a trip through double.
        Assert.Equal(0.3000000000000000000000000001m, read.Explanation!.Total.ActualUsd);
        Assert.Equal(12.345678901234567890m, read.Explanation.Features["chat"].VolumeUsd);
        Assert.Equal(7.25m, read.BilledUsd);
    }

    [Fact]
    public void Read_AfterWrite_KeepsWeeksAndAlerts()
    {
        var path = Path.Combine(_folder, "000002.review.json");

        ReviewFile.Write(path, 2, Review());
        var read = ReviewFile.Read(path)!;

        Assert.Equal(new DateOnly(2026, 1, 5), read.Weeks[0].WeekStart);
        Assert.Equal("above", read.Weeks[1].Status);
        Assert.Equal("week 2026-W03 is above", read.Alerts.Single().Message);
        Assert.Equal(["gpt-x"], read.UnpricedModels);
    }

    [Fact]
    public void Read_NoFile_ReturnsNull() => Assert.Null(ReviewFile.Read(Path.Combine(_folder, "000001.review.json")));

    [Fact]
    public void Read_OtherFormat_Throws()
    {
        var path = Path.Combine(_folder, "000003.review.json");
        File.WriteAllText(path, """{"format":"tokencast.alerts.v1","version":3,"alerts":[]}""");

        var exception = Assert.Throws<InvalidInputException>(() => ReviewFile.Read(path));

        Assert.Equal("tokencast.alerts.v1", Assert.Single(exception.Problems).Value);
    }

    [Fact]
    public void Read_Truncated_Throws()
    {
        var path = Path.Combine(_folder, "000003.review.json");
        ReviewFile.Write(path, 3, Review());
        File.WriteAllText(path, File.ReadAllText(path)[..40]);

        var exception = Assert.Throws<InvalidInputException>(() => ReviewFile.Read(path));

        Assert.Contains("is not a readable review file", Assert.Single(exception.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PathOf_Version_PadsToSixDigits() =>
        Assert.Equal(Path.Combine("h", "chat", "000012.review.json"), ReviewFile.PathOf("h", "chat", 12));

    private static PeriodReview Review()
    {
        var chat = new VarianceParts(1m, 0.3000000000000000000000000001m, 12.345678901234567890m, -12.345678901234567890m, -0.7m, 0m, 0m);
        var explanation = new VarianceExplanation(chat, new Dictionary<string, VarianceParts> { ["chat"] = chat });
        var monday = new DateOnly(2026, 1, 5);
        return new PeriodReview(1, "baseline", 10, 90, monday, monday.AddDays(14), null, explanation,
            [
                new WeekCheck(monday, monday.AddDays(7), 3.5m, 2.0, 4.0, "in band"),
                new WeekCheck(monday.AddDays(7), monday.AddDays(14), 9.5m, 2.0, 4.0, "above"),
            ],
            [new SpendAlert(monday.AddDays(7), monday.AddDays(14), "baseline", 9.5m, 2.0, 4.0, "above", "week 2026-W03 is above")],
            4, ["gpt-x"], 7m, 7.25m);
    }
}
