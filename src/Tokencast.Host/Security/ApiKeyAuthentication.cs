using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tokencast.Host.Security;

/// <summary>
/// Authenticates a request by its key: <c>Authorization: Bearer KEY</c>, the <c>X-Api-Key</c> header, or,
/// for the live feed only, the <c>access_token</c> query parameter (browsers cannot set headers on a
/// WebSocket). Failures answer with RFC 7807 problem details.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    /// <summary>The header that carries a key when no bearer token is sent.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The policy of reading endpoints: any key.</summary>
    public const string ViewerPolicy = "viewer";

    /// <summary>The policy of endpoints that start or change runs: planner keys.</summary>
    public const string PlannerPolicy = "planner";

    /// <summary>Path prefix of the live feed, where the query parameter is accepted.</summary>
    public const string HubPath = "/hubs";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = Secret(Request);
        if (secret is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(secret) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail("the key is not known"));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, RoleName(key.Role))], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var detail = Secret(Request) is null
            ? $"send a key as 'Authorization: Bearer KEY' or in the {Header} header"
            : "the key sent is not known to this host";
        return Write(StatusCodes.Status401Unauthorized, "A valid key is needed", detail);
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Write(StatusCodes.Status403Forbidden, "The key may not do this",
            "this key has the viewer role, which lists, reads and watches; a planner key is needed to validate, start or "
            + "cancel runs and to change or run schedules");

    /// <summary>Returns the claim value of a role.</summary>
    public static string RoleName(ApiRole role) => role.ToString().ToLowerInvariant();

    private static string? Secret(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        if (request.Headers.TryGetValue(Header, out var header) && !string.IsNullOrEmpty(header))
        {
            return header.ToString().Trim();
        }

        if (request.Path.StartsWithSegments(HubPath) && request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrEmpty(token))
        {
            return token.ToString();
        }

        return null;
    }

    private async Task Write(int status, string title, string detail)
    {
        Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            Response.Headers.WWWAuthenticate = "Bearer";
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
