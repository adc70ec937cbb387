using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace GLA.Web.Infrastructure;

/// <summary>
/// On each request, swaps an access token about to expire for a fresh one. The provider
/// refuses a leaver or a locked account, and then the session ends here too; each refresh
/// also brings the person's current roles and schools.
/// </summary>
public sealed class TokenRefresher(IHttpClientFactory httpClients, IOptionsMonitor<OpenIdConnectOptions> oidc, ILogger<TokenRefresher> logger)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        if (expiresAt is null || refreshToken is null) return;
        if (DateTimeOffset.Parse(expiresAt, CultureInfo.InvariantCulture) - Margin > DateTimeOffset.UtcNow) return;

        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(context.HttpContext.RequestAborted);
        using var response = await httpClients.CreateClient().PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = options.ClientId!,
            ["client_secret"] = options.ClientSecret ?? "",
        }), context.HttpContext.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogInformation("Refresh refused ({Status}); ending the session", (int)response.StatusCode);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(context.HttpContext.RequestAborted));
        var root = body.RootElement;
        context.Properties.UpdateTokenValue("access_token", root.GetProperty("access_token").GetString()!);
        if (root.TryGetProperty("refresh_token", out var newRefresh)) context.Properties.UpdateTokenValue("refresh_token", newRefresh.GetString()!);
        var lifetime = root.TryGetProperty("expires_in", out var seconds) ? seconds.GetInt32() : 900;
        context.Properties.UpdateTokenValue("expires_at", DateTimeOffset.UtcNow.AddSeconds(lifetime).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }
}
