using System.Security.Claims;
using GLA.Identity.Model;
using GLA.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GLA.Identity.Infrastructure;

/// <summary>
/// Builds what a token says about a person, from their account as it is now: each refresh
/// picks up new roles and schools, and a disabled account gets nothing.
/// </summary>
public sealed class TokenPrincipals(UserManager<Account> users, AccountsDbContext db)
{
    public async Task<ClaimsPrincipal> ForAccountAsync(Account account, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString())
            .SetClaim(Claims.Name, account.DisplayName)
            .SetClaim(Claims.Email, account.Email);
        if (account.StaffMemberId is { } staffMemberId) identity.SetClaim(GlaClaims.StaffMemberId, staffMemberId.ToString());
        identity.SetClaims(Claims.Role, [.. await users.GetRolesAsync(account)]);
        var schools = await db.AccountSchools.Where(s => s.AccountId == account.Id).Select(s => s.SchoolId.ToString()).ToListAsync();
        identity.SetClaims(GlaClaims.School, [.. schools]);

        var granted = scopes.ToList();
        identity.SetScopes(granted);
        identity.SetResources(granted.Intersect(GlaApis.All));
        identity.SetDestinations(static claim => claim.Type switch
        {
            // Everything the APIs need is in the access token; the ID token carries who and what for the web app.
            Claims.Name or Claims.Email or Claims.Role or GlaClaims.StaffMemberId or GlaClaims.School
                => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }

    /// <summary>A machine client acting as itself (client credentials).</summary>
    public static ClaimsPrincipal ForClient(string clientId, string displayName, IEnumerable<string> roles, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId).SetClaim(Claims.Name, displayName);
        identity.SetClaims(Claims.Role, [.. roles]);
        var granted = scopes.ToList();
        identity.SetScopes(granted);
        identity.SetResources(granted.Intersect(GlaApis.All));
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
