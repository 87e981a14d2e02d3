using System.Collections.Immutable;
using Tokencast.Core;

namespace Tokencast.Grains.Surrogates;

/// <summary>
/// The wire form of <see cref="InvalidInputException"/>, so a grain call that rejects its input throws the
/// same exception with every problem at the caller. Orleans has no codec for an exception type of a library
/// without Orleans, and fails the response without one. The stack trace is not carried.
/// </summary>
[GenerateSerializer, Alias("tokencast.invalid-input-exception.v1")]
internal struct InvalidInputExceptionSurrogate
{
    [Id(0)] public ImmutableArray<InputProblem> Problems;
}

/// <summary>Converts <see cref="InvalidInputException"/> to and from its surrogate.</summary>
[RegisterConverter]
internal sealed class InvalidInputExceptionConverter
    : IConverter<InvalidInputException, InvalidInputExceptionSurrogate>
{
    public InvalidInputException ConvertFromSurrogate(in InvalidInputExceptionSurrogate surrogate) =>
        new([.. surrogate.Problems]);

    public InvalidInputExceptionSurrogate ConvertToSurrogate(in InvalidInputException value) =>
        new() { Problems = [.. value.Problems] };
}
