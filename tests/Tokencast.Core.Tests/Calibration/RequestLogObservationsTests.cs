using Tokencast.Core.Calibration;

namespace Tokencast.Core.Tests.Calibration;

public sealed class RequestLogObservationsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tokencast-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Read_StreamedSnapshots_CountsResponseOnce()
    {
        // Three snapshots of response r1 repeat the usage so far; the last (30 in, 9 out) is final.
        File.WriteAllText(_path, "response_id,model,prompt_tokens,completion_tokens\n"
            + "r1,m,30,1\nr1,m,30,5\nr1,m,30,9\nr2,m,50,2\n");

        var observations = RequestLogObservations.Read(_path, "chat");

        Assert.Equal(2, observations.Count);
        Assert.Equal(9, observations[0].OutputTokens);
        Assert.Equal(4, observations[0].SourceLine);
        Assert.Equal(50, observations[1].InputTokens);
    }

    [Fact]
    public void Read_ResponseWithTwoModels_Rejected()
    {
        File.WriteAllText(_path, "response_id,model,prompt_tokens,completion_tokens\n"
            + "r1,gpt-4o,30,1\nr1,gpt-4o-mini,30,5\n");

        var error = Assert.Throws<InvalidInputException>(() => RequestLogObservations.Read(_path, "chat"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains("line 2", problem.Message, StringComparison.Ordinal);
        Assert.Contains("gpt-4o-mini", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ReasoningColumn_KeptOnlyWhenReported()
    {
        // OpenAI style: completion tokens include reasoning, so 40 output with 15 reasoning is 25 visible.
        File.WriteAllText(_path, "model,prompt_tokens,completion_tokens,reasoning_tokens\nm,30,40,15\n");
        var withReasoning = Assert.Single(RequestLogObservations.Read(_path, "chat"));
        File.WriteAllText(_path, "model,prompt_tokens,completion_tokens\nm,30,40\n");
        var withoutReasoning = Assert.Single(RequestLogObservations.Read(_path, "chat"));

        Assert.Equal(15, withReasoning.ReasoningTokens);
        Assert.Equal(25, withReasoning.OutputTokens);
        Assert.Null(withoutReasoning.ReasoningTokens);
        Assert.Equal(40, withoutReasoning.OutputTokens);
    }
}
