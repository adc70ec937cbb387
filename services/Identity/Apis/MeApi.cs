using System.Security.Claims;
using GLA.Contracts.Identity;
using GLA.Identity.Infrastructure;
using GLA.Identity.Model;
using GLA.ServiceDefaults.Messaging;
using GLA.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;

namespace GLA.Identity.Apis;

/// <summary>What a signed-in person can do to their own account.</summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/me").WithTags("My account")
            .RequireAuthorization(AuthenticationExtensions.Policies.Person);
        api.MapPost("/sign-out-everywhere", SignOutEverywhere);
        return app;
    }

    /// <summary>
    /// Ends every session: refresh tokens are revoked, the provider's cookies fail their next
    /// security-stamp check, and the web app drops its sessions when the event reaches it.
    /// </summary>
    public static async Task<Results<NoContent, NotFound>> SignOutEverywhere(
        ClaimsPrincipal user, UserManager<Account> users, AccountsDbContext db, IOpenIddictTokenManager tokens, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(user.FindFirstValue(GlaClaims.Subject) ?? "");
        if (account is null) return TypedResults.NotFound();
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        db.AddIntegrationEvent(new AccountSignedOutEverywhere(account.Id, account.StaffMemberId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        await tokens.RevokeBySubjectAsync(account.Id.ToString(), cancellationToken);
        return TypedResults.NoContent();
    }
}
