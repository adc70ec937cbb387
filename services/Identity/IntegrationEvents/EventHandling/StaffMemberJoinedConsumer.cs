using GLA.Contracts.Staff;
using GLA.Identity.Infrastructure;
using GLA.Identity.Model;
using GLA.ServiceDefaults.Messaging;
using GLA.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GLA.Identity.IntegrationEvents.EventHandling;

/// <summary>A joiner gets an account and an invitation to choose their password.</summary>
public sealed class StaffMemberJoinedConsumer(AccountsDbContext db, UserManager<Account> users, Invitations invitations)
    : IdempotentConsumer<StaffMemberJoined, AccountsDbContext>(db)
{
    protected override async Task HandleAsync(StaffMemberJoined joined, CancellationToken cancellationToken)
    {
        var account = await Db.Users.Include(a => a.Schools).FirstOrDefaultAsync(a => a.StaffMemberId == joined.StaffMemberId, cancellationToken);
        var isNew = account is null;
        account ??= new Account
        {
            Id = Guid.CreateVersion7(),
            StaffMemberId = joined.StaffMemberId,
            DisplayName = $"{joined.FirstName} {joined.LastName}",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
        };
        account.DisplayName = $"{joined.FirstName} {joined.LastName}";
        account.UserName = account.Email = joined.WorkEmail;
        account.NormalizedUserName = account.NormalizedEmail = users.NormalizeEmail(joined.WorkEmail);
        account.EmailConfirmed = true;
        if (!account.Schools.Any(s => s.SchoolId == joined.SchoolId))
        {
            account.Schools.Add(new AccountSchool { AccountId = account.Id, SchoolId = joined.SchoolId });
        }
        if (isNew)
        {
            // Added through the context, not UserManager, so the account, its role and the
            // invitation commit in the inbox's one transaction.
            Db.Users.Add(account);
            var role = await Db.Roles.FirstAsync(r => r.Name == GlaRoles.StaffMember, cancellationToken);
            Db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = account.Id, RoleId = role.Id });
            _invitation = (account, invitations.Create(account));
        }
    }

    private (Account Account, string Link)? _invitation;

    protected override async Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        if (_invitation is var (account, link)) await invitations.SendAsync(account, link, cancellationToken);
    }
}
