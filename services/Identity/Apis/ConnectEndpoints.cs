using System.Security.Claims;
using GLA.Identity.Infrastructure;
using GLA.Identity.Model;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GLA.Identity.Apis;

/// <summary>
/// The OpenID Connect endpoints OpenIddict hands to us once it has validated the request:
/// here we decide who the person is and what their token says.
/// </summary>
public static class ConnectEndpoints
{
    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup("/connect").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        connect.MapMethods("/authorize", ["GET", "POST"], Authorize);
        connect.MapPost("/token", Token);
        connect.MapMethods("/endsession", ["GET", "POST"], EndSession);
        connect.MapMethods("/userinfo", ["GET", "POST"], UserInfo);
        return app;
    }

    private static IResult Rejected(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static async Task<IResult> Authorize(HttpContext context, UserManager<Account> users, TokenPrincipals principals)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!session.Succeeded || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Rejected(Errors.LoginRequired, "The person is not signed in.");
            }
            // Sign in first, then come back to this very request.
            var query = context.Request.HasFormContentType ? [.. context.Request.Form] : context.Request.Query.ToList();
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(
                query.Where(p => p.Key != Parameters.Prompt).Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString())));
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var account = await users.GetUserAsync(session.Principal!);
        if (account is null || account.IsDisabled)
        {
            return Rejected(Errors.AccessDenied, "This account cannot sign in.");
        }
        // First-party clients only: no consent screen.
        var principal = await principals.ForAccountAsync(account, request.GetScopes());
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> Token(HttpContext context, UserManager<Account> users, TokenPrincipals principals, IConfiguration configuration)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var client = MachineClients.Find(configuration, request.ClientId!);
            if (client is null) return Rejected(Errors.InvalidClient, "Unknown client.");
            var scopes = request.GetScopes().Intersect(client.Scopes).ToList();
            return Results.SignIn(TokenPrincipals.ForClient(client.ClientId, client.DisplayName, client.Roles, scopes),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var account = await users.FindByIdAsync(result.Principal?.GetClaim(Claims.Subject) ?? "");
            // Checked at every refresh: a leaver or a locked account gets no new token.
            if (account is null || account.IsDisabled || await users.IsLockedOutAsync(account))
            {
                return Rejected(Errors.InvalidGrant, "This account can no longer sign in.");
            }
            var principal = await principals.ForAccountAsync(account, result.Principal!.GetScopes());
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Rejected(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> EndSession(HttpContext context, SignInManager<Account> signIn)
    {
        await signIn.SignOutAsync();
        // OpenIddict sends the browser back to the client's registered post-sign-out address.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> UserInfo(HttpContext context, UserManager<Account> users)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var account = await users.FindByIdAsync(result.Principal?.GetClaim(Claims.Subject) ?? "");
        if (account is null || account.IsDisabled)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        return Results.Ok(new Dictionary<string, object?>
        {
            [Claims.Subject] = account.Id.ToString(),
            [Claims.Name] = account.DisplayName,
            [Claims.Email] = account.Email,
            [Claims.Role] = await users.GetRolesAsync(account),
        });
    }
}
