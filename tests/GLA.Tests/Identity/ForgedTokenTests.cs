using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using GLA.AppHost.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GLA.Tests.Identity;

/// <summary>
/// Tokens made by an attacker are refused, by the gateway and by each service on its own
/// (a caller that reaches a service directly gets no further). The tests sign with the
/// provider's real key where the point is that one other thing is wrong.
/// </summary>
public sealed class ForgedTokenTests(SystemFixture system)
{
    public static TheoryData<string> Forgeries => ["alg none", "wrong issuer", "wrong audience", "expired", "tampered claims", "another key", "an ID token"];

    private RsaSecurityKey RealKey()
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(system.DataDirectory, "identity", "keys", "signing.pem")));
        return new RsaSecurityKey(rsa);
    }

    private string Issuer => system.GatewayAddress + "";

    private string Token(SecurityKey key, string? issuer = null, string audience = "staff", DateTime? expires = null, string type = "at+jwt")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = (expires ?? now.AddMinutes(5)).AddMinutes(-10),
            NotBefore = (expires ?? now.AddMinutes(5)).AddMinutes(-10),
            Expires = expires ?? now.AddMinutes(5),
            TokenType = type,
            Subject = new ClaimsIdentity([new Claim("sub", Guid.NewGuid().ToString()), new Claim("role", "trust-admin"), new Claim("name", "Mallory")]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private string Forge(string forgery)
    {
        var real = RealKey();
        return forgery switch
        {
            "alg none" => Unsigned(Token(real)),
            "wrong issuer" => Token(real, issuer: "http://evil.example/"),
            "wrong audience" => Token(real, audience: "somebody-else"),
            "expired" => Token(real, expires: DateTime.UtcNow.AddMinutes(-5)),
            "tampered claims" => Tamper(Token(real)),
            "another key" => Token(new RsaSecurityKey(RSA.Create(2048))),
            "an ID token" => Token(real, type: "JWT"),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
    }

    private static string Unsigned(string token)
    {
        var parts = token.Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt"}""");
        return $"{header}.{parts[1]}.";
    }

    /// <summary>The payload of a validly signed token, edited afterwards: the signature no longer matches.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("Mallory", "Mallorx");
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }

    private async Task<HttpStatusCode> CallAsync(string baseAddress, string token)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var response = await http.GetAsync("/api/staff/schools", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [Fact]
    public async Task A_token_signed_with_the_real_key_and_right_claims_is_accepted()
    {
        // The control: it proves the forgeries below fail for their one fault, not for the harness.
        var token = Token(RealKey());

        Assert.Equal(HttpStatusCode.OK, await CallAsync(system.App.Get<ProjectResource>("staff").Endpoints[0], token));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(system.GatewayAddress.ToString(), token));
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forged_token_is_refused_by_the_service_itself(string forgery)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(system.App.Get<ProjectResource>("staff").Endpoints[0], Forge(forgery)));
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Forged_token_is_refused_at_the_gateway(string forgery)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(system.GatewayAddress.ToString(), Forge(forgery)));
    }
}
