namespace Tokencast.Core.Levers;

/// <summary>Where an operating point of a feature comes from.</summary>
public enum LeverKind
{
    /// <summary>The feature as the scenario writes it, when no other point describes it.</summary>
    Current,

    /// <summary>The feature with its model set to one tier of <c>models</c> and no cascade.</summary>
    ModelTier,

    /// <summary>The feature's cascade at one confidence threshold of the eval items.</summary>
    CascadeThreshold,

    /// <summary>One of the feature's <c>variants</c>.</summary>
    Variant,
}
