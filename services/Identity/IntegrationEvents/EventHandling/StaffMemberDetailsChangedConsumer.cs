using GLA.Contracts.Staff;
using GLA.Identity.Infrastructure;
using GLA.Identity.Model;
using GLA.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GLA.Identity.IntegrationEvents.EventHandling;

/// <summary>A new name or work email in Staff is the account's new name and sign-in address.</summary>
public sealed class StaffMemberDetailsChangedConsumer(AccountsDbContext db, UserManager<Account> users)
    : IdempotentConsumer<StaffMemberDetailsChanged, AccountsDbContext>(db)
{
    protected override async Task HandleAsync(StaffMemberDetailsChanged changed, CancellationToken cancellationToken)
    {
        var account = await Db.Users.FirstOrDefaultAsync(a => a.StaffMemberId == changed.StaffMemberId, cancellationToken);
        if (account is null) return;
        account.DisplayName = $"{changed.FirstName} {changed.LastName}";
        account.UserName = account.Email = changed.WorkEmail;
        account.NormalizedUserName = account.NormalizedEmail = users.NormalizeEmail(changed.WorkEmail);
    }
}
