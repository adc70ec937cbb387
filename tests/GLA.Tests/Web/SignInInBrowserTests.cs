using System.Net.Http.Json;
using GLA.ServiceDefaults.Security;
using GLA.Tests.EndToEnd;
using GLA.Tests.Identity;
using Microsoft.Playwright;

namespace GLA.Tests.Web;

/// <summary>A person signs in through the gateway in a real browser, sees their home page, and signs out.</summary>
public sealed class SignInInBrowserTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> NewPageAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = system.GatewayAddress.ToString(), Locale = "en-GB" });
        return await context.NewPageAsync();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/");
        await page.ClickAsync("#sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", SystemFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/", new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"Sign-in did not come home: at {page.Url}: {await page.ContentAsync()}");
        }
    }

    [Fact]
    public async Task School_leader_signs_in_sees_their_role_and_school_and_signs_out()
    {
        var school = await system.Gateway.CreateSchoolAsync("Hazelwood Junior");
        var leader = await People.AddAsync(system, "Grace", school.Id(), GlaRoles.SchoolLeader);
        var page = await NewPageAsync();

        await SignInAsync(page, leader.Email);

        Assert.Equal("Welcome, Grace Tester", await page.InnerTextAsync("h1"));
        var roles = await page.InnerTextAsync("#roles");
        Assert.Contains("School leader", roles);
        Assert.Contains("Staff member", roles);
        Assert.DoesNotContain("Trust administrator", roles);
        Assert.Contains("Hazelwood Junior", await page.InnerTextAsync("#schools"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "home-signed-in.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("#sign-in");
        Assert.StartsWith("Performance management", await page.InnerTextAsync("h1"));
        // Signed out at the provider too: signing in again asks for the password.
        await page.ClickAsync("#sign-in");
        await page.WaitForSelectorAsync("#password");
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_session_on_the_other_device_too()
    {
        var school = await system.Gateway.CreateSchoolAsync();
        var person = await People.AddAsync(system, "Twodevices", school.Id());
        var laptop = await NewPageAsync();
        var phone = await NewPageAsync();
        await SignInAsync(laptop, person.Email);
        await SignInAsync(phone, person.Email);
        Assert.Equal("Welcome, Twodevices Tester", await phone.InnerTextAsync("h1"));

        await laptop.ClickAsync("#sign-out-everywhere");
        await laptop.WaitForSelectorAsync("#sign-in");

        await Eventually.TrueAsync(async () =>
        {
            await phone.ReloadAsync();
            return await phone.Locator("#sign-in").CountAsync() == 1;
        }, what: "the phone's session to end");
    }

    [Fact]
    public async Task Person_signs_in_with_the_trusts_own_provider_and_is_matched_by_work_email()
    {
        var school = await system.Gateway.CreateSchoolAsync();
        var person = await People.AddAsync(system, "Federated", school.Id());
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.ClickAsync("#sign-in");

        await page.ClickAsync($"text=Sign in with {SystemFixture.ExternalProviderName}");
        // Now at the trust's provider (for the tests, the bundled one under another client).
        await page.FillAsync("#email", person.Email);
        await page.FillAsync("#password", SystemFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");

        Assert.Equal("Welcome, Federated Tester", await page.InnerTextAsync("h1"));
    }

    [Fact]
    public async Task Wrong_password_is_explained_on_the_sign_in_page()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.ClickAsync("#sign-in");
        await page.FillAsync("#email", "nobody@schools.example");
        await page.FillAsync("#password", "not a real password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        Assert.Equal("The email address or password is not right.", (await page.InnerTextAsync("#error")).Trim());
    }

    [Fact]
    public async Task A_leavers_session_ends_at_once_and_their_tokens_cannot_be_refreshed()
    {
        var school = await system.Gateway.CreateSchoolAsync();
        var leaver = await People.AddAsync(system, "Leaving", school.Id());
        var tokens = await system.SignIn.SignInAsync(leaver.Email, SystemFixture.Password);
        var page = await NewPageAsync();
        await SignInAsync(page, leaver.Email);
        Assert.Equal("Welcome, Leaving Tester", await page.InnerTextAsync("h1"));

        var left = await system.Gateway.PostAsJsonAsync($"/api/staff/staff-members/{leaver.StaffMemberId}/leave",
            new { leavingDate = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd") }, TestContext.Current.CancellationToken);
        left.EnsureSuccessStatusCode();

        // The web session goes as soon as the event arrives: the next page is signed out.
        await Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("#sign-in").CountAsync() == 1;
        }, what: "the leaver's web session to end");
        // The provider refuses them a new token and a new sign-in.
        await Eventually.TrueAsync(async () =>
        {
            try { await system.SignIn.RefreshAsync(tokens.RefreshToken!); return false; }
            catch (SignInFailedException) { return true; }
        }, what: "the refresh token to be refused");
        await Assert.ThrowsAsync<SignInFailedException>(() => system.SignIn.SignInAsync(leaver.Email, SystemFixture.Password));
    }
}
