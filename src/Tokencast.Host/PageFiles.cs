using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Tokencast.Host;

/// <summary>
/// The web page, embedded in this assembly at build time: <c>index.html</c> at <c>/</c> and the bundle
/// (one script and one stylesheet with a content hash in their names) under <c>/assets/</c>.
/// </summary>
public static class PageFiles
{
    // The bundle's output folder, relative to the project; the embedded manifest keeps these paths.
    private const string BundleFolder = "ClientApp/dist";

    private static readonly PathString s_assets = new("/assets");

    // Everything the page loads comes from the host, and the live feed connects back to it.
    private const string ContentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>
    /// Serves the page's files without a key: <c>/</c> and <c>/index.html</c> revalidated on each load,
    /// and the hashed bundle files cached for a year as immutable.
    /// </summary>
    public static WebApplication UseTokencastPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new ManifestEmbeddedFileProvider(typeof(PageFiles).Assembly, BundleFolder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = SetHeaders,
        });
        return app;
    }

    private static void SetHeaders(StaticFileResponseContext context)
    {
        var request = context.Context.Request;
        var headers = context.Context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";

        if (request.Path.StartsWithSegments(s_assets))
        {
            // A changed bundle gets a new name, so a cached copy never goes stale.
            headers.CacheControl = new StringValues("public, max-age=31536000, immutable");
            return;
        }

        headers.CacheControl = new CacheControlHeaderValue { NoCache = true }.ToString();
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }
}
