using Microsoft.Playwright;

namespace Tokencast.Browser.Tests;

/// <summary>Launches Debian's Chromium through Playwright, headless and without network side traffic.</summary>
internal static class Chromium
{
    /// <summary>Path of the browser that Debian's package <c>chromium</c> installs.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    // The background, component and sync switches keep Chromium from calling hosts outside loopback.
    private static readonly string[] s_arguments =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <summary>Starts the browser; throws with the install command when Chromium is missing.</summary>
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ExecutablePath}; the browser tests need it: "
                + "apt-get install -y chromium");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = s_arguments,
        });
    }
}
