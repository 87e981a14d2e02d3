using System.Globalization;
using Tokencast.Core.Logs;

namespace Tokencast.Core.Actuals;

/// <summary>How to read a request log or LiteLLM spend log into usage actuals.</summary>
public sealed record UsageImportOptions
{
    /// <summary>Kind of log: <see cref="ActualsKind.Log"/> or <see cref="ActualsKind.LiteLlm"/>.</summary>
    public ActualsKind Kind { get; init; } = ActualsKind.Log;

    /// <summary>Column map, usage convention and format of the log.</summary>
    public RequestLogOptions LogOptions { get; init; } = new();

    /// <summary>Model for rows that name none, or null to reject such rows.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>Date whose prices apply to rows without a timestamp.</summary>
    public DateOnly PriceDate { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// Tag key whose value names the feature, for LiteLLM <c>request_tags</c> such as
    /// <c>feature:support-chat</c>; null to read the feature from columns only.
    /// </summary>
    public string? FeatureTagKey { get; init; }

    /// <summary>Feature of rows that name none (and carry no feature tag), or null to leave them without one.</summary>
    public string? DefaultFeature { get; init; }

    /// <summary>
    /// Time transformation for replaying a short trace over a longer period, or null to keep the times
    /// as logged. Prices are looked up at the moved dates.
    /// </summary>
    public TraceTimeScale? TimeScale { get; init; }

    /// <summary>Whether invalid rows are set aside with their reason instead of stopping the import.</summary>
    public bool SetAside { get; init; }

    /// <summary>
    /// Describes the options that change what is imported as one line of text, for the import key.
    /// The price date is left out: an import of the same file is the same import on any day.
    /// </summary>
    public string Describe()
    {
        var map = LogOptions.ColumnMap
            .Select(pair => $"{LogColumnNames.MapNameOf(pair.Key)}={pair.Value}")
            .Order(StringComparer.Ordinal);
        var text = string.Join(";",
            $"kind={Kind}",
            $"convention={LogOptions.Convention}",
            $"format={LogOptions.Format}",
            $"map={string.Join(",", map)}",
            $"model={DefaultModel}",
            $"feature-tag={FeatureTagKey}",
            $"set-aside={SetAside.ToString(CultureInfo.InvariantCulture)}");

        // Added only when set, so that imports made before these options existed keep their keys.
        if (DefaultFeature is not null)
        {
            text += $";feature={DefaultFeature}";
        }

        return TimeScale is null ? text : $"{text};time-scale={TimeScale}";
    }
}
