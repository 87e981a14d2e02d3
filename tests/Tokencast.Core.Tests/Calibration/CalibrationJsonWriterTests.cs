using System.Text.Json;
using Tokencast.Core.Calibration;

namespace Tokencast.Core.Tests.Calibration;

public class CalibrationJsonWriterTests
{
    [Fact]
    public void Write_MooncakeSlice_ContainsCandidatesAndCache()
    {
        var trace = TraceFiles.ReadMooncakeJsonl(TraceFiles.MooncakeSynthetic, "synthetic");
        var report = Calibrator.Calibrate(trace);
        using var stream = new MemoryStream();

        CalibrationJsonWriter.Write(report, stream);

        using var document = JsonDocument.Parse(stream.ToArray());
        var feature = document.RootElement.GetProperty("features")[0];
        Assert.Equal("synthetic", feature.GetProperty("feature").GetString());
        Assert.Equal(1925, feature.GetProperty("request_count").GetInt32());
        var candidates = feature.GetProperty("input_tokens").GetProperty("candidates");
        Assert.Equal("lognormal", candidates[0].GetProperty("distribution").GetString());
        Assert.Equal(5, candidates[0].GetProperty("quantiles").GetArrayLength());
        var cache = feature.GetProperty("cache");
        Assert.Equal(JsonValueKind.Null, cache[0].GetProperty("time_to_live_seconds").ValueKind);
        Assert.Equal(300, cache[1].GetProperty("time_to_live_seconds").GetDouble());
        Assert.Equal(0.3221, cache[0].GetProperty("token_hit_fraction").GetDouble(), 0.00005);
        Assert.Equal(JsonValueKind.Null, feature.GetProperty("turns").ValueKind);
    }
}
