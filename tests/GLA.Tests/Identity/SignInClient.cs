using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Web;

namespace GLA.Tests.Identity;

public sealed record TokenSet(string AccessToken, string? RefreshToken, string? IdToken);

/// <summary>
/// Does what a browser and the web app do, over plain HTTP through the gateway: accepts an
/// invitation from the mailbox, signs in on the provider's page, and runs the authorization
/// code flow with PKCE for the web client. The tokens are the real provider's.
/// </summary>
public sealed partial class SignInClient(Uri gateway, string mailbox, string webClientSecret)
{
    public const string AllScopes = "openid profile email roles offline_access staff appraisal training evidence identity";
    private static readonly TimeSpan MailWait = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A browser of its own: cookies, no automatic redirects (each is followed by hand), and its
    /// own client address, as different people have.
    /// </summary>
    public HttpClient NewBrowser(IPAddress? from = null) =>
        new(LoopbackAddress.Handler(from ?? LoopbackAddress.Random(), new CookieContainer())) { BaseAddress = gateway };

    /// <summary>The newest link the mailbox holds for this address.</summary>
    public async Task<string> LinkForAsync(string email)
    {
        return await Eventually.GetAsync(async () =>
        {
            if (!Directory.Exists(mailbox)) return null;
            foreach (var file in Directory.GetFiles(mailbox, "*.txt").OrderDescending())
            {
                var text = await File.ReadAllTextAsync(file);
                if (text.StartsWith($"To: {email}\n", StringComparison.OrdinalIgnoreCase))
                {
                    return LinkPattern().Match(text).Value;
                }
            }
            return null;
        }, MailWait, $"a message to {email}");
    }

    public async Task AcceptInvitationAsync(string email, string password)
    {
        var link = new Uri(await LinkForAsync(email));
        using var browser = NewBrowser();
        var form = await browser.GetStringAsync(link.PathAndQuery);
        var response = await PostFormAsync(browser, link.PathAndQuery, form, new()
        {
            ["Token"] = HttpUtility.ParseQueryString(link.Query)["token"]!,
            ["Password"] = password,
            ["Confirm"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Accepting the invitation for {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Signs in on the provider's page and returns the tokens the web client would get.</summary>
    public async Task<TokenSet> SignInAsync(string email, string password, string scopes = AllScopes, Func<string>? authenticatorCode = null)
    {
        using var browser = NewBrowser();
        var (verifier, challenge) = Pkce();
        var redirectUri = new Uri(gateway, "/signin-oidc").ToString();
        var authorize = "/connect/authorize?" + string.Join("&", new Dictionary<string, string>
        {
            ["client_id"] = "web", ["response_type"] = "code", ["redirect_uri"] = redirectUri, ["scope"] = scopes,
            ["code_challenge"] = challenge, ["code_challenge_method"] = "S256", ["state"] = Guid.NewGuid().ToString("N"), ["nonce"] = Guid.NewGuid().ToString("N"),
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

        var toSignIn = await browser.GetAsync(authorize);
        var signInPage = Location(toSignIn);
        var form = await browser.GetStringAsync(signInPage);
        var signedIn = await PostFormAsync(browser, signInPage, form, new() { ["Email"] = email, ["Password"] = password });
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new SignInFailedException(await signedIn.Content.ReadAsStringAsync());
        }
        if (Location(signedIn).Contains("/account/signin-code", StringComparison.Ordinal))
        {
            if (authenticatorCode is null) throw new SignInFailedException("The account asks for an authenticator code.");
            var codePage = Location(signedIn);
            signedIn = await PostFormAsync(browser, codePage, await browser.GetStringAsync(codePage), new() { ["Code"] = authenticatorCode() });
            if (signedIn.StatusCode != HttpStatusCode.Redirect) throw new SignInFailedException(await signedIn.Content.ReadAsStringAsync());
        }
        var back = await browser.GetAsync(Location(signedIn));
        var callback = new Uri(Location(back));
        var code = HttpUtility.ParseQueryString(callback.Query)["code"]
            ?? throw new SignInFailedException("No code came back: " + callback);
        return await TokenRequestAsync(new()
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri, ["code_verifier"] = verifier,
            ["client_id"] = "web", ["client_secret"] = webClientSecret,
        });
    }

    public Task<TokenSet> RefreshAsync(string refreshToken) => TokenRequestAsync(new()
    {
        ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken, ["client_id"] = "web", ["client_secret"] = webClientSecret,
    });

    public Task<TokenSet> ClientCredentialsAsync(string clientId, string secret, string scopes) => TokenRequestAsync(new()
    {
        ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scopes,
    });

    public async Task<HttpResponseMessage> RawTokenRequestAsync(Dictionary<string, string> form)
    {
        using var http = new HttpClient(LoopbackAddress.Handler(LoopbackAddress.Random())) { BaseAddress = gateway };
        return await http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    private async Task<TokenSet> TokenRequestAsync(Dictionary<string, string> form)
    {
        var response = await RawTokenRequestAsync(form);
        var body = await response.Content.ReadFromJsonAsync<JsonNode>();
        if (!response.IsSuccessStatusCode) throw new SignInFailedException($"Token request refused: {body}");
        return new TokenSet((string)body!["access_token"]!, (string?)body["refresh_token"], (string?)body["id_token"]);
    }

    /// <summary>Posts a page's form back with its anti-forgery token, as the browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string path, string page, Dictionary<string, string> fields)
    {
        var antiforgery = AntiforgeryPattern().Match(page);
        if (antiforgery.Success) fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery.Groups[1].Value);
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location?.ToString() ?? throw new SignInFailedException($"Expected a redirect, got {(int)response.StatusCode}.");

    private static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex(@"http\S+/account/invitation\?token=\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryPattern();
}

public sealed class SignInFailedException(string message) : Exception(message);
