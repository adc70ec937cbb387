using System.Net;
using GLA.Tests.EndToEnd;

namespace GLA.Tests.Identity;

/// <summary>Password guessing meets a locked account and, from one address, a closed door.</summary>
public sealed class SignInProtectionTests(SystemFixture system)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var school = (await system.Gateway.CreateSchoolAsync()).Id();
        var person = await People.AddAsync(system, "guessed", school);
        using var browser = system.SignIn.NewBrowser();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            Assert.Contains("not right", await SignInAsync(browser, person.Email, "not the password at all"));
        }
        // The fifth wrong guess locks the account...
        Assert.Contains("locked for 15 minutes", await SignInAsync(browser, person.Email, "not the password at all"));
        // ...so that even the right password is refused until the lock expires.
        var right = await SignInAsync(browser, person.Email, SystemFixture.Password);

        Assert.Contains("locked for 15 minutes", right);
        await Assert.ThrowsAsync<SignInFailedException>(() => system.SignIn.SignInAsync(person.Email, SystemFixture.Password));
    }

    [Fact]
    public async Task Many_sign_in_attempts_from_one_address_are_turned_away()
    {
        using var browser = system.SignIn.NewBrowser(IPAddress.Parse("127.0.0.77"));
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 25; attempt++)
        {
            using var response = await browser.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "nobody@schools.example", ["Password"] = "guess " + attempt,
            }), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter is not null, "A refusal says when to try again.");
            }
        }

        // The first twenty are heard (and refused for their own reasons); then the gateway stops listening.
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(20));
        Assert.All(statuses.Skip(20), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        // Someone else, from another address, is not affected.
        using var other = system.SignIn.NewBrowser(IPAddress.Parse("127.0.0.78"));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/account/signin", TestContext.Current.CancellationToken)).StatusCode);
    }

    private static async Task<string> SignInAsync(HttpClient browser, string email, string password)
    {
        var page = await browser.GetStringAsync("/account/signin");
        var response = await SignInClient.PostFormAsync(browser, "/account/signin", page, new() { ["Email"] = email, ["Password"] = password });
        var body = await response.Content.ReadAsStringAsync();
        // Just the message the person reads.
        var error = System.Text.RegularExpressions.Regex.Match(body, "<p class=\"error\"[^>]*>([^<]*)</p>");
        return error.Success ? System.Net.WebUtility.HtmlDecode(error.Groups[1].Value) : $"{(int)response.StatusCode}: {body}";
    }
}
