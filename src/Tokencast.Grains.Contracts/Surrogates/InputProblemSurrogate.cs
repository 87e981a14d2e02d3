using Tokencast.Core;
using Tokencast.Core.Forecasting;
using Tokencast.Core.Simulation;

namespace Tokencast.Grains.Surrogates;

/// <summary>The wire and storage form of <see cref="InputProblem"/>.</summary>
[GenerateSerializer, Alias("tokencast.input-problem.v1")]
internal struct InputProblemSurrogate
{
    [Id(0)] public string? File;

    [Id(1)] public long? Line;

    [Id(2)] public string? Path;

    [Id(3)] public string? Value;

    [Id(4)] public string Message;
}

/// <summary>Converts <see cref="InputProblem"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class InputProblemConverter : IConverter<InputProblem, InputProblemSurrogate>
{
    public InputProblem ConvertFromSurrogate(in InputProblemSurrogate surrogate) =>
        new(
            surrogate.File,
            surrogate.Line,
            surrogate.Path,
            surrogate.Value,
            surrogate.Message);

    public InputProblemSurrogate ConvertToSurrogate(in InputProblem value) =>
        new()
        {
            File = value.File,
            Line = value.Line,
            Path = value.Path,
            Value = value.Value,
            Message = value.Message,
        };
}
