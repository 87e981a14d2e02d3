using System.Net;
using System.Text.RegularExpressions;

namespace Tokencast.Browser.Tests;

/// <summary>Checks how the host serves the page's files: without a key, with content types and caching.</summary>
public sealed partial class PageFilesTests(PageHost host) : IClassFixture<PageHost>
{
    [Fact]
    public async Task Index_NoKey_ServedAsHtmlAndRevalidated()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.Address) };

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("js", "text/javascript")]
    [InlineData("css", "text/css")]
    public async Task Bundle_LinkedFromIndex_CachedForAYear(string extension, string mediaType)
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.Address) };
        var index = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var asset = AssetLink().Matches(index).Select(m => m.Value).Single(path => path.EndsWith($".{extension}",
            StringComparison.Ordinal));

        var response = await client.GetAsync(new Uri($"/{asset}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.Contains(response.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
    }

    [Fact]
    public async Task UnknownFile_NoKey_Returns404()
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.Address) };

        var response = await client.GetAsync(new Uri("/assets/app-MISSING.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // The build names each bundle file app-HASH.js or app-HASH.css under assets/.
    [GeneratedRegex(@"assets/app-[A-Z0-9]+\.(js|css)")]
    private static partial Regex AssetLink();
}
