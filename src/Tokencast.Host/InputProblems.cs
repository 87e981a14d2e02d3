using Microsoft.AspNetCore.Http;
using Tokencast.Core;

namespace Tokencast.Host;

/// <summary>The response of the API to invalid input: problem details that list every input problem.</summary>
internal static class InputProblems
{
    /// <summary>Returns RFC 7807 problem details carrying every input problem, with the command line's messages.</summary>
    public static IResult Response(InvalidInputException exception) =>
        Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "The input is invalid",
            detail: string.Join("\n", exception.Problems.Select(p => p.ToString())),
            extensions: new Dictionary<string, object?>
            {
                ["problems"] = exception.Problems
                    .Select(p => new { file = p.File, line = p.Line, path = p.Path, value = p.Value, message = p.Message, text = p.ToString() })
                    .ToArray(),
            });
}
