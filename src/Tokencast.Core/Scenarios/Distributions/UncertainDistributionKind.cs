namespace Tokencast.Core.Scenarios;

/// <summary>
/// Shape of an <see cref="UncertainValue"/>. Each member names the keys of
/// <see cref="UncertainValue.Parameters"/> it uses.
/// </summary>
public enum UncertainDistributionKind
{
    /// <summary>A plain number: <c>value</c>.</summary>
    Constant,

    /// <summary>Normal: <c>mean</c>, <c>sd</c>.</summary>
    Normal,

    /// <summary>Continuous uniform: <c>min</c>, <c>max</c>.</summary>
    Uniform,

    /// <summary>Triangular: <c>min</c>, <c>mode</c>, <c>max</c>.</summary>
    Triangular,

    /// <summary>Beta-PERT: <c>min</c>, <c>mode</c>, <c>max</c>.</summary>
    Pert,

    /// <summary>Log-normal: <c>mu</c>, <c>sigma</c> of the underlying normal.</summary>
    LogNormal,

    /// <summary>Beta on [0, 1]: <c>alpha</c>, <c>beta</c>.</summary>
    Beta,
}
