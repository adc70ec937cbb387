using System.Net;
using System.Text.RegularExpressions;
using GLA.ServiceDefaults.Security;
using GLA.Tests.EndToEnd;

namespace GLA.Tests.Identity;

public sealed class TwoStepVerificationTests(SystemFixture system)
{
    [Fact]
    public async Task A_leader_turns_on_two_step_verification_and_then_needs_a_code_to_sign_in()
    {
        var school = (await system.Gateway.CreateSchoolAsync()).Id();
        var leader = await People.AddAsync(system, "Careful", school, GlaRoles.SchoolLeader);
        using var browser = system.SignIn.NewBrowser();
        var signInPage = await browser.GetStringAsync("/account/signin", TestContext.Current.CancellationToken);
        var signedIn = await SignInClient.PostFormAsync(browser, "/account/signin", signInPage, new() { ["Email"] = leader.Email, ["Password"] = SystemFixture.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var setup = await browser.GetStringAsync("/account/two-factor", TestContext.Current.CancellationToken);
        var key = Regex.Match(setup, "<code id=\"key\">([^<]+)</code>").Groups[1].Value;
        var wrong = await SignInClient.PostFormAsync(browser, "/account/two-factor", setup, new() { ["Code"] = "000000" == Totp.Code(key) ? "111111" : "000000" });
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var turnedOn = await SignInClient.PostFormAsync(browser, "/account/two-factor", setup, new() { ["Code"] = Totp.Code(key) });
        var confirmation = await turnedOn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("recovery-codes", confirmation);

        // The password alone no longer signs in; with the app's code it does.
        await Assert.ThrowsAsync<SignInFailedException>(() => system.SignIn.SignInAsync(leader.Email, SystemFixture.Password));
        var tokens = await system.SignIn.SignInAsync(leader.Email, SystemFixture.Password, authenticatorCode: () => Totp.Code(key));
        Assert.False(string.IsNullOrEmpty(tokens.AccessToken));
        // A recovery code works once, in place of the app.
        var recovery = Regex.Match(confirmation, "<li><code>([^<]+)</code></li>").Groups[1].Value;
        await system.SignIn.SignInAsync(leader.Email, SystemFixture.Password, authenticatorCode: () => recovery);
        await Assert.ThrowsAsync<SignInFailedException>(() => system.SignIn.SignInAsync(leader.Email, SystemFixture.Password, authenticatorCode: () => recovery));
    }
}
