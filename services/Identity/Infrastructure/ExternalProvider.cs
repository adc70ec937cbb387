using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GLA.Identity.Infrastructure;

/// <summary>
/// A trust's own identity provider (Microsoft Entra ID, Google Workspace, any OpenID Connect
/// provider), configured under Identity:External. People sign in there; GLA matches them to
/// their account by work email and goes on issuing its own tokens, so the services trust one
/// issuer whichever provider the trust uses.
/// </summary>
public static class ExternalProvider
{
    public const string Scheme = "external";

    public sealed record Settings(string DisplayName, bool Only);

    public static Settings? From(IConfiguration configuration) =>
        string.IsNullOrEmpty(configuration["Identity:External:Authority"])
            ? null
            : new Settings(configuration["Identity:External:DisplayName"] ?? "your organisation", configuration.GetValue("Identity:External:Only", false));

    public static void AddExternalProvider(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Identity:External");
        if (string.IsNullOrEmpty(section["Authority"])) return;
        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, section["DisplayName"] ?? "External", options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Authority = section["Authority"];
            options.RequireHttpsMetadata = section["Authority"]!.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            options.ClientId = section["ClientId"] ?? throw new InvalidOperationException("Identity:External:ClientId is missing.");
            options.ClientSecret = section["ClientSecret"];
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.CallbackPath = "/account/external/callback";
            options.MapInboundClaims = false;
            options.Scope.Clear();
            foreach (var scope in (section["Scopes"] ?? "openid profile email").Split(' ', StringSplitOptions.RemoveEmptyEntries)) options.Scope.Add(scope);
        });
    }

    /// <summary>The work email the provider vouches for: "email", or Entra ID's "preferred_username"/"upn".</summary>
    public static string? WorkEmail(System.Security.Claims.ClaimsPrincipal principal) =>
        new[] { "email", "preferred_username", "upn" }
            .Select(type => principal.FindFirst(type)?.Value)
            .FirstOrDefault(value => value is not null && value.Contains('@'));
}
