using System.Globalization;

namespace Tokencast.Core.Actuals;

/// <summary>How to read a FinOps FOCUS billing export into billed actuals.</summary>
public sealed record FocusImportOptions
{
    /// <summary>Key of the tag in the <c>Tags</c> column that names the feature, or null.</summary>
    public string? FeatureTagKey { get; init; }

    /// <summary>Whether invalid rows are set aside with their reason instead of stopping the import.</summary>
    public bool SetAside { get; init; }

    /// <summary>Describes the options as one line of text, for the import key.</summary>
    public string Describe() =>
        $"kind={ActualsKind.Focus};feature-tag={FeatureTagKey};"
        + $"set-aside={SetAside.ToString(CultureInfo.InvariantCulture)}";
}
