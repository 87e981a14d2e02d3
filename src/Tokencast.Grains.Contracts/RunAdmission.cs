namespace Tokencast.Grains;

/// <summary>The outcome of <see cref="IRunIndexGrain.Admit"/>.</summary>
/// <param name="Admitted">Whether the run may start.</param>
/// <param name="Running">Runs running now: with this run when admitted, without it when rejected.</param>
[GenerateSerializer, Immutable, Alias("tokencast.run-admission.v1")]
public sealed record RunAdmission(
    [property: Id(0)] bool Admitted,
    [property: Id(1)] int Running);
