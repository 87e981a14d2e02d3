using Tokencast.Core.History;

namespace Tokencast.Grains.History;

/// <summary>The persisted state of a forecast history grain.</summary>
[GenerateSerializer, Alias("tokencast.forecast-history-record.v1")]
public sealed class ForecastHistoryRecord
{
    /// <summary>The versions, oldest first.</summary>
    [Id(0)] public List<ForecastVersion> Versions { get; set; } = [];
}
