using System.Text;
using Tokencast.Core.Quality;

namespace Tokencast.Core.Tests.Quality;

public class EvalResultsReaderTests
{
    [Fact]
    public void Parse_PerItemCsv_GroupsByModel()
    {
        var text = """
            feature,item,model,passed,confidence
            support,q1,budget,true,0.9
            support,q1,flagship,1,

            support,q2,budget,false,0.3
            support,q2,flagship,TRUE,
            """;

        var results = EvalResultsReader.Parse(text, "evals.csv");

        var support = results.Find("support")!;
        Assert.Single(results.Features);
        Assert.Equal(0.5, support.Models["budget"].Value);
        Assert.Equal(1.0, support.Models["flagship"].Value);
        Assert.Equal(2, support.Models["budget"].Items);
        Assert.Equal(QualityMeasure.PassRate, support.Models["budget"].Measure);
        Assert.Equal(4, support.Items.Count);
        Assert.Equal(0.3, support.Confidence["q2"]);
        Assert.Equal(5, support.ItemsOf("budget")[1].Line);
    }

    [Fact]
    public void Parse_ScoresCsv_MeanScore()
    {
        var text = "feature,item,model,score\nsummary,d1,budget,0.25\nsummary,d2,budget,0.75\n";

        var quality = EvalResultsReader.Parse(text, "evals.csv").Find("summary")!.Models["budget"];

        Assert.Equal(0.5, quality.Value);
        Assert.Equal(QualityMeasure.MeanScore, quality.Measure);
    }

    [Fact]
    public void Parse_MixedJsonLines_ReadsBothKinds()
    {
        var text = """
            {"feature": "chat", "model": "budget", "pass_rate": 0.8, "items": 10}
            {"feature": "chat", "model": "flagship", "pass_rate": 0.9, "items": 10}

            {"feature": "agent", "item": "t1", "model": "budget", "passed": true, "confidence": 0.4}
            {"feature": "agent", "item": "t1", "model": "flagship", "score": 0.5}
            """;

        var results = EvalResultsReader.Parse(text, "evals.jsonl");

        var chat = results.Find("chat")!;
        var agent = results.Find("agent")!;
        Assert.Equal(["chat", "agent"], results.Features.Select(feature => feature.Feature));
        Assert.Equal(0.8, chat.Models["budget"].Value);
        Assert.Equal(0.490163, chat.Models["budget"].Lower, 5);
        Assert.Empty(chat.Items);
        Assert.Equal(2, agent.Items.Count);
        Assert.Equal(0.4, agent.Confidence["t1"]);
        Assert.Equal(QualityMeasure.MeanScore, agent.Models["flagship"].Measure);
    }

    [Fact]
    public void Parse_ConfidenceOnStrongRow_Accepted()
    {
        var text = "feature,item,model,passed,confidence\nf,i1,strong,1,0.65\nf,i1,cheap,0,\n";

        var feature = EvalResultsReader.Parse(text, "evals.csv").Find("f")!;

        Assert.Equal(0.65, feature.Confidence["i1"]);
    }

    [Fact]
    public void Parse_UnknownColumn_ListsAllowed()
    {
        var text = "feature,item,model,passed,grade\nf,i1,m,1,A\n";

        var problem = Assert.Single(ParseProblems(text, "evals.csv"));

        Assert.Equal("evals.csv", problem.File);
        Assert.Equal(1, problem.Line);
        Assert.Equal("grade", problem.Path);
        Assert.Contains("unknown column 'grade'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("feature, item, model, passed, score, confidence, pass_rate, items", problem.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownJsonKey_ReportedOnce()
    {
        var text = """
            {"feature": "f", "item": "i1", "model": "m", "passed": 1, "judge": "x"}
            {"feature": "f", "item": "i2", "model": "m", "passed": 0, "judge": "y"}
            """;

        var problem = Assert.Single(ParseProblems(text, "evals.jsonl"));

        Assert.Equal(1, problem.Line);
        Assert.Equal("judge", problem.Path);
    }

    [Fact]
    public void Parse_MissingModelColumn_Reported()
    {
        var text = "feature,item,passed\nf,i1,1\n";

        var problems = ParseProblems(text, "evals.csv");

        Assert.Contains(problems, problem => problem.Line == 1 && problem.Path == "model"
            && problem.Message.Contains("required column 'model' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NoResultColumns_Reported()
    {
        var text = "feature,model\nf,m\n";

        var problems = ParseProblems(text, "evals.csv");

        Assert.Contains(problems, problem => problem.Line == 1
            && problem.Message.Contains("no result columns", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("score", "1.5", "score must be a number from 0 to 1")]
    [InlineData("score", "-0.1", "score must be a number from 0 to 1")]
    [InlineData("score", "high", "score must be a number from 0 to 1")]
    [InlineData("passed", "yes", "passed must be true, false, 1 or 0")]
    [InlineData("confidence", "2", "confidence must be a number from 0 to 1")]
    public void Parse_ValueOutOfRange_NamesColumnAndValue(string column, string value, string message)
    {
        var text = $"feature,item,model,{column}\nf,i1,m,{value}\n";
        if (column == "confidence")
        {
            text = $"feature,item,model,passed,confidence\nf,i1,m,1,{value}\n";
        }

        var problem = Assert.Single(ParseProblems(text, "evals.csv"));

        Assert.Equal(2, problem.Line);
        Assert.Equal(column, problem.Path);
        Assert.Equal(value, problem.Value);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Parse_DuplicateItem_CitesFirstLine()
    {
        var text = "feature,item,model,passed\nf,i1,m,1\nf,i2,m,0\nf,i1,m,0\n";

        var problem = Assert.Single(ParseProblems(text, "evals.csv"));

        Assert.Equal(4, problem.Line);
        Assert.Equal("i1", problem.Value);
        Assert.Contains("duplicate result for feature 'f' item 'i1' model 'm' (first at line 2)",
            problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateAggregate_CitesFirstLine()
    {
        var text = "feature,model,pass_rate,items\nf,m,0.5,10\nf,m,0.6,10\n";

        var problem = Assert.Single(ParseProblems(text, "evals.csv"));

        Assert.Equal(3, problem.Line);
        Assert.Contains("(first at line 2)", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feature,model,pass_rate\n")]
    [InlineData("")]
    [InlineData("\n \n")]
    public void Parse_NoRows_Empty(string csv)
    {
        var problem = Assert.Single(ParseProblems(csv, "evals.csv"));

        Assert.Null(problem.Line);
        Assert.Contains("eval results file is empty", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyJsonLines_Empty()
    {
        var problem = Assert.Single(ParseProblems("\n  \n", "evals.jsonl"));

        Assert.Contains("eval results file is empty", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ZeroItems_NamesFeatureAndModel()
    {
        var text = "feature,model,pass_rate,items\nchat,budget,0.5,0\n";

        var problem = Assert.Single(ParseProblems(text, "evals.csv"));

        Assert.Equal(2, problem.Line);
        Assert.Equal("items", problem.Path);
        Assert.Equal("0", problem.Value);
        Assert.Equal("feature 'chat' model 'budget' has zero items; items must be a positive whole number",
            problem.Message);
    }

    [Theory]
    [InlineData("-3")]
    [InlineData("2.5")]
    [InlineData("many")]
    public void Parse_ItemsNotWholeNumber_Reported(string items)
    {
        var text = $"feature,model,pass_rate,items\nchat,budget,0.5,{items}\n";

        var problem = Assert.Single(ParseProblems(text, "evals.csv"));

        Assert.Equal("items must be a positive whole number", problem.Message);
    }

    [Fact]
    public void Parse_BothKindsForOneModel_Rejected()
    {
        var text = """
            {"feature": "f", "item": "i1", "model": "m", "passed": true}
            {"feature": "f", "model": "m", "pass_rate": 0.7, "items": 20}
            """;

        var problem = Assert.Single(ParseProblems(text, "evals.jsonl"));

        Assert.Equal(2, problem.Line);
        Assert.Contains("feature 'f' model 'm' has per-item rows (first at line 1) and an aggregate row",
            problem.Message, StringComparison.Ordinal);
        Assert.Contains("not within one feature and model", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BothKindsInOneRow_Rejected()
    {
        var text = "feature,item,model,passed,pass_rate,items\nf,i1,m,1,0.5,10\n";

        var problem = Assert.Single(ParseProblems(text, "evals.csv"));

        Assert.Contains("row mixes per-item columns", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PassedAndScore_Rejected()
    {
        var text = "feature,item,model,passed,score\nf,i1,m,1,0.5\n";

        var problem = Assert.Single(ParseProblems(text, "evals.csv"));

        Assert.Equal("row gives both passed and score; give one of them", problem.Message);
    }

    [Fact]
    public void Parse_ConfidenceOnAggregate_Rejected()
    {
        var text = """{"feature": "f", "model": "m", "pass_rate": 0.7, "items": 20, "confidence": 0.5}""";

        var problem = Assert.Single(ParseProblems(text, "evals.json"));

        Assert.Equal("confidence", problem.Path);
        Assert.Contains("confidence belongs on per-item rows", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConflictingConfidence_CitesBothLines()
    {
        var text = "feature,item,model,passed,confidence\nf,i1,cheap,1,0.4\nf,i1,strong,1,0.6\n";

        var problem = Assert.Single(ParseProblems(text, "evals.csv"));

        Assert.Equal(3, problem.Line);
        Assert.Equal("0.6", problem.Value);
        Assert.Contains("differs from the 0.4 at line 2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralBadRows_ReportsEvery()
    {
        var text = "feature,item,model,score\nf,i1,m,1.5\n,i2,m,0.5\nf,i3,,0.5\nf,i4,m,0.5\nf,i4,m,0.5\n";

        var problems = ParseProblems(text, "evals.csv");

        Assert.Equal(4, problems.Count);
        Assert.Equal([2L, 3L, 4L, 6L], problems.Select(problem => problem.Line!.Value));
        Assert.Equal("feature is missing; every row needs a feature and a model", problems[1].Message);
        Assert.Equal("model", problems[2].Path);
    }

    [Fact]
    public void Parse_UnknownExtension_Rejected()
    {
        var problem = Assert.Single(ParseProblems("feature,item,model,passed\nf,i,m,1\n", "evals.txt"));

        Assert.Equal(".txt", problem.Value);
        Assert.Contains("name the file .csv", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8_Rejected()
    {
        var path = Path.Combine(Path.GetTempPath(), $"evals-{Guid.NewGuid():N}.csv");
        var bytes = Encoding.UTF8.GetBytes("feature,item,model,passed\ncaf").Concat(new byte[] { 0xE9 })
            .Concat(Encoding.UTF8.GetBytes(",i1,m,1\n")).ToArray();
        File.WriteAllBytes(path, bytes);
        try
        {
            var exception = Assert.Throws<InvalidInputException>(() => EvalResultsReader.Read(path));

            var problem = Assert.Single(exception.Problems);
            Assert.Equal(path, problem.File);
            Assert.Equal(2, problem.Line);
            Assert.Contains("not UTF-8", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_Utf8WithByteOrderMark_Reads()
    {
        var path = Path.Combine(Path.GetTempPath(), $"evals-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "feature,item,model,passed\ncafé,i1,m,1\n", new UTF8Encoding(true));
        try
        {
            var results = EvalResultsReader.Read(path);

            Assert.NotNull(results.Find("café"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IReadOnlyList<InputProblem> ParseProblems(string text, string source) =>
        Assert.Throws<InvalidInputException>(() => EvalResultsReader.Parse(text, source)).Problems;
}
