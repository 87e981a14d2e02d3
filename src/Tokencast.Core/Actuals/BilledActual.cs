namespace Tokencast.Core.Actuals;

/// <summary>One charge row of a FinOps FOCUS billing export, with its costs as exact decimals.</summary>
public sealed record BilledActual
{
    /// <summary>File name of the export.</summary>
    public required string SourceFile { get; init; }

    /// <summary>1-based line where the row starts.</summary>
    public required long Line { get; init; }

    /// <summary>Inclusive start of the charge period (FOCUS <c>ChargePeriodStart</c>).</summary>
    public required DateTimeOffset ChargePeriodStart { get; init; }

    /// <summary>Exclusive end of the charge period (FOCUS <c>ChargePeriodEnd</c>).</summary>
    public required DateTimeOffset ChargePeriodEnd { get; init; }

    /// <summary>Currency of the costs, such as USD (FOCUS <c>BillingCurrency</c>).</summary>
    public required string BillingCurrency { get; init; }

    /// <summary>Amount invoiced (FOCUS <c>BilledCost</c>); negative for credits.</summary>
    public required decimal BilledCost { get; init; }

    /// <summary>Amortized cost after discounts (FOCUS <c>EffectiveCost</c>).</summary>
    public required decimal EffectiveCost { get; init; }

    /// <summary>Service name, or null.</summary>
    public string? ServiceName { get; init; }

    /// <summary>SKU id, or null.</summary>
    public string? SkuId { get; init; }

    /// <summary>SKU price id, or null.</summary>
    public string? SkuPriceId { get; init; }

    /// <summary>
    /// Provider (FOCUS 1.3 <c>ServiceProviderName</c>, or <c>ProviderName</c> in earlier versions), or null.
    /// </summary>
    public string? Provider { get; init; }

    /// <summary>Charge category, such as Usage, Purchase, Tax, Credit or Adjustment, or null.</summary>
    public string? ChargeCategory { get; init; }

    /// <summary>Tags as key-value pairs (FOCUS <c>Tags</c>); values are JSON text for non-strings.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>Feature read from the tag named by the feature-tag option, or null.</summary>
    public string? Feature { get; init; }
}
