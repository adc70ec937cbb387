using Microsoft.Playwright;

namespace GLA.Tests.Web;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright (no browser download: the machine's own
/// /usr/bin/chromium). One browser for the class; each test gets a fresh context (cookies).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: ./test installs it (apt-get install chromium).");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // No sandbox as root in CI; no background calls to the outside world, which is closed here.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
