using System.Globalization;
using Tokencast.Core.Distributions;

namespace Tokencast.Core.Simulation;

/// <summary>
/// A cascade router: each task runs on the cheap model first, and an escalated task runs again on the
/// strong model, so it pays for both. Escalation follows either a fixed rate, or a router confidence drawn
/// per task that escalates when it falls below <see cref="Threshold"/>.
/// </summary>
public sealed record CascadeRouting
{
    private CascadeRouting(ModelChoice cheap, ModelChoice strong, double? rate, UncertainNumber? confidence, double threshold)
    {
        Cheap = cheap ?? throw new ArgumentNullException(nameof(cheap));
        Strong = strong ?? throw new ArgumentNullException(nameof(strong));
        EscalationRate = rate;
        Confidence = confidence;
        Threshold = threshold;
    }

    /// <summary>The model every task tries first.</summary>
    public ModelChoice Cheap { get; }

    /// <summary>The model escalated tasks run on as well.</summary>
    public ModelChoice Strong { get; }

    /// <summary>The share of tasks escalated, when given directly.</summary>
    public double? EscalationRate { get; }

    /// <summary>The distribution of router confidence per task, when escalation follows a threshold.</summary>
    public UncertainNumber? Confidence { get; }

    /// <summary>Tasks whose confidence is below this value escalate.</summary>
    public double Threshold { get; }

    /// <summary>Creates a cascade that escalates a fixed share of tasks.</summary>
    public static CascadeRouting WithRate(ModelChoice cheap, ModelChoice strong, double escalationRate)
    {
        if (!(escalationRate >= 0 && escalationRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(escalationRate), escalationRate, "A rate must lie in [0, 1].");
        }

        return new CascadeRouting(cheap, strong, escalationRate, null, 0);
    }

    /// <summary>Creates a cascade that escalates tasks whose router confidence is below a threshold.</summary>
    public static CascadeRouting WithThreshold(ModelChoice cheap, ModelChoice strong, UncertainNumber confidence, double threshold)
    {
        ArgumentNullException.ThrowIfNull(confidence);
        if (!double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a number.");
        }

        return new CascadeRouting(cheap, strong, null, confidence, threshold);
    }

    /// <summary>A canonical text used to key random streams.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"cascade({Cheap.Describe()}|{Strong.Describe()}|{EscalationRate:R}|{Confidence?.Describe()}|{Threshold:R})");
}
