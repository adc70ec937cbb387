using System.ComponentModel.DataAnnotations;
using GLA.Identity.Infrastructure;
using GLA.Identity.Model;
using GLA.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GLA.Identity.Apis;

/// <summary>Trust administrators manage who may do what: roles, invitations.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/accounts").WithTags("Accounts")
            .RequireAuthorization(AuthenticationExtensions.Policies.TrustAdmin);
        api.MapGet("/", ListAccounts);
        api.MapPut("/{id:guid}/roles", SetRoles);
        api.MapPost("/{id:guid}/invitation", Reinvite);
        return app;
    }

    public sealed record AccountResponse(Guid Id, string Email, string DisplayName, Guid? StaffMemberId, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut);

    public sealed record RolesRequest([property: Required] string[]? Roles);

    public static async Task<Ok<List<AccountResponse>>> ListAccounts(
        AccountsDbContext db, UserManager<Account> users, CancellationToken cancellationToken, string? email = null, Guid? staffMemberId = null)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(email)) query = query.Where(a => a.NormalizedEmail == users.NormalizeEmail(email));
        if (staffMemberId is { } id) query = query.Where(a => a.StaffMemberId == id);
        var accounts = await query.OrderBy(a => a.DisplayName).ThenBy(a => a.Id).Take(200).ToListAsync(cancellationToken);
        var result = new List<AccountResponse>();
        foreach (var account in accounts) result.Add(await ResponseAsync(account, users));
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<AccountResponse>, NotFound, ValidationProblem>> SetRoles(
        Guid id, RolesRequest request, UserManager<Account> users)
    {
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null) return TypedResults.NotFound();
        var unknown = request.Roles!.Except(GlaRoles.People).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("roles", $"Unknown role(s): {string.Join(", ", unknown)}. Roles are {string.Join(", ", GlaRoles.People)}."));
        }
        var wanted = request.Roles!.ToHashSet();
        if (account.StaffMemberId is not null) wanted.Add(GlaRoles.StaffMember);
        var current = await users.GetRolesAsync(account);
        // Appraiser follows line management in Staff, not this list.
        wanted.Remove(GlaRoles.Appraiser);
        if (current.Contains(GlaRoles.Appraiser)) wanted.Add(GlaRoles.Appraiser);
        await users.RemoveFromRolesAsync(account, current.Except(wanted));
        await users.AddToRolesAsync(account, wanted.Except(current));
        return TypedResults.Ok(await ResponseAsync(account, users));
    }

    public static async Task<Results<NoContent, NotFound>> Reinvite(
        Guid id, UserManager<Account> users, Invitations invitations, AccountsDbContext db, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null) return TypedResults.NotFound();
        var link = invitations.Create(account);
        await db.SaveChangesAsync(cancellationToken);
        await invitations.SendAsync(account, link, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<AccountResponse> ResponseAsync(Account account, UserManager<Account> users) => new(
        account.Id, account.Email ?? "", account.DisplayName, account.StaffMemberId, [.. await users.GetRolesAsync(account)],
        account.IsDisabled, await users.IsLockedOutAsync(account));
}
