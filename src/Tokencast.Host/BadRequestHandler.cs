using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Logging;

namespace Tokencast.Host;

/// <summary>
/// Turns a request that ASP.NET Core could not bind (malformed or mistyped JSON, an empty body, another
/// content type, a body above Kestrel's limit) into RFC 7807 problem details that state what is wrong and where.
/// </summary>
/// <remarks>
/// Minimal APIs throw <see cref="BadHttpRequestException"/> for these only with
/// <c>RouteHandlerOptions.ThrowOnBadRequest</c>; otherwise they answer a bare status code.
/// </remarks>
internal sealed partial class BadRequestHandler(IProblemDetailsService problems, ILogger<BadRequestHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var (title, detail) = Describe(httpContext, badRequest);

        // Debug, not a warning: these are the client's mistakes, and any client can send many of them.
        LogRejected(logger, httpContext.Request.Method, httpContext.Request.Path, badRequest.StatusCode, detail ?? badRequest.Message);
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = badRequest.StatusCode, Title = title, Detail = detail },
        });
    }

    private static (string Title, string? Detail) Describe(HttpContext httpContext, BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            // The exception handler middleware clears the endpoint before handlers run, but keeps it in its feature.
            var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
            var requestType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            return ("The request body is not valid JSON for this request", Describe(json, requestType));
        }

        return exception.StatusCode switch
        {
            // WebHost completes these two with the allowed content type and the body limit.
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported Media Type", null),
            StatusCodes.Status413PayloadTooLarge => ("Content Too Large", null),

            // Minimal APIs report a JSON body that is empty or the literal null as a body not provided.
            StatusCodes.Status400BadRequest when httpContext.Request.HasJsonContentType() =>
                ("The request body is empty", "the request body is empty or null; send a JSON object"),
            _ => ("The request is invalid", exception.Message),
        };
    }

    /// <summary>
    /// Describes a JSON error as <c>path: what is wrong (line L, position P)</c>, with the path and the
    /// 0-based line and byte position that System.Text.Json records on the exception, counted from 1.
    /// </summary>
    private static string Describe(JsonException exception, Type? requestType)
    {
        var segments = Segments(exception.Path);
        var path = segments.Count == 0 ? "body" : string.Join('.', segments);
        string message;
        if (exception.InnerException is JsonException syntax && syntax.GetType() != typeof(JsonException))
        {
            // The reader's syntax error is a subclass, and its message names what was found instead.
            message = MessageWithoutLocation(syntax.Message);
        }
        else if (Unmapped().Match(exception.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            var owner = requestType is null ? null : TypeAt(requestType, segments.Take(segments.Count - 1));
            path = segments.Count > 0 && segments[^1] == name ? path : $"{path}.{name}".TrimStart('.');
            message = owner is null
                ? "is not a field of this request"
                : $"is not a field of this request; the fields are {string.Join(", ", FieldNames(owner))}";
        }
        else
        {
            var type = requestType is null ? null : TypeAt(requestType, segments);
            message = type is null ? "the JSON value has the wrong type" : $"the JSON value could not be read as {Expected(type)}";
        }

        var location = exception.LineNumber is { } line
            ? string.Create(
                CultureInfo.InvariantCulture,
                $" (line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1})")
            : "";
        return $"{path}: {message}{location}";
    }

    /// <summary>Splits a JSON path such as <c>$.scenario.text</c> or <c>$.branches[0]</c> into property names.</summary>
    private static List<string> Segments(string? path) =>
        path is null
            ? []
            : [.. path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries)
                .Select(s => ArrayIndex().Replace(s, "").Trim('[', ']', '\'', ' '))
                .Where(s => s.Length > 0)];

    /// <summary>Returns the type of the property at <paramref name="segments"/>, or null when one is not found.</summary>
    private static Type? TypeAt(Type root, IEnumerable<string> segments)
    {
        var type = root;
        foreach (var segment in segments)
        {
            var property = type.GetProperties().FirstOrDefault(p => JsonName(p.Name) == segment);
            if (property is null)
            {
                return null;
            }

            type = property.PropertyType;
        }

        return type;
    }

    private static IEnumerable<string> FieldNames(Type type) => type.GetProperties().Select(p => JsonName(p.Name));

    private static string JsonName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int))
        {
            return string.Create(CultureInfo.InvariantCulture, $"an integer from {int.MinValue} to {int.MaxValue}");
        }

        if (type == typeof(ulong))
        {
            return string.Create(CultureInfo.InvariantCulture, $"an integer from 0 to {ulong.MaxValue}");
        }

        if (type == typeof(double))
        {
            return "a number";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(string))
        {
            return "a string";
        }

        if (type.IsAssignableTo(typeof(IEnumerable<string>)))
        {
            return "an array of strings";
        }

        return $"an object with the fields {string.Join(", ", FieldNames(type))}";
    }

    private static string MessageWithoutLocation(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (end < 0)
        {
            end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        var text = (end < 0 ? message : message[..end]).TrimEnd('.', ' ');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("Int32", StringComparison.Ordinal) => "an integer",
        _ when type.Contains("UInt64", StringComparison.Ordinal) => "an integer from 0 to 18446744073709551615",
        _ when type.Contains("Double", StringComparison.Ordinal) => "a number",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("IReadOnlyList", StringComparison.Ordinal) => "an array of strings",
        _ when type.Contains("String", StringComparison.Ordinal) => "a string",
        _ => "an object with the fields of " + type[(type.LastIndexOf('.') + 1)..],
    };

    /// <summary>Returns the detail of a 415: the content type the API reads and the one sent.</summary>
    internal static string UnsupportedMediaType(HttpContext httpContext)
    {
        var sent = httpContext.Request.ContentType is { Length: > 0 } type ? type : "none";
        return $"the request body must be JSON; send it with Content-Type: application/json (sent: {sent})";
    }

    /// <summary>Returns the detail of a 413 for a body above Kestrel's limit, with the limit in bytes.</summary>
    internal static string TooLarge(HttpContext httpContext) =>
        httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
            ? string.Create(CultureInfo.InvariantCulture, $"the request body is larger than this host accepts: at most {limit:N0} bytes")
            : "the request body is larger than this host accepts";

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected {Method} {Path} with {Status}: {Detail}")]
    private static partial void LogRejected(ILogger logger, string method, PathString path, int status, string detail);

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ArrayIndex();

    [GeneratedRegex("^The JSON property '(?<name>[^']*)' could not be mapped to any \\.NET member")]
    private static partial Regex Unmapped();
}
