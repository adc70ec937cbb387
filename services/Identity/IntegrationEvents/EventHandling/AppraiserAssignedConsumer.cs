using GLA.Contracts.Staff;
using GLA.Identity.Infrastructure;
using GLA.Identity.Model;
using GLA.ServiceDefaults.Messaging;
using GLA.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GLA.Identity.IntegrationEvents.EventHandling;

/// <summary>
/// Whoever appraises someone has the appraiser role, and loses it with their last appraisee;
/// the change shows in their next token.
/// </summary>
public sealed class AppraiserAssignedConsumer(AccountsDbContext db) : IdempotentConsumer<AppraiserAssigned, AccountsDbContext>(db)
{
    protected override async Task HandleAsync(AppraiserAssigned assigned, CancellationToken cancellationToken)
    {
        var link = await Db.AppraiseeLinks.FindAsync([assigned.StaffMemberId], cancellationToken);
        if (assigned.AppraiserId is { } appraiser)
        {
            if (link is null) Db.AppraiseeLinks.Add(new AppraiseeLink { AppraiseeStaffMemberId = assigned.StaffMemberId, AppraiserStaffMemberId = appraiser });
            else link.AppraiserStaffMemberId = appraiser;
        }
        else if (link is not null)
        {
            Db.AppraiseeLinks.Remove(link);
        }
        await Db.SaveChangesAsync(cancellationToken);

        var role = await Db.Roles.FirstAsync(r => r.Name == GlaRoles.Appraiser, cancellationToken);
        foreach (var staffMemberId in new[] { assigned.AppraiserId, assigned.PreviousAppraiserId }.OfType<Guid>().Distinct())
        {
            var account = await Db.Users.FirstOrDefaultAsync(a => a.StaffMemberId == staffMemberId, cancellationToken);
            if (account is null) continue;
            var appraisesSomeone = await Db.AppraiseeLinks.AnyAsync(l => l.AppraiserStaffMemberId == staffMemberId, cancellationToken);
            var holdsRole = await Db.UserRoles.AnyAsync(r => r.UserId == account.Id && r.RoleId == role.Id, cancellationToken);
            if (appraisesSomeone && !holdsRole) Db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = account.Id, RoleId = role.Id });
            if (!appraisesSomeone && holdsRole) Db.UserRoles.Remove(new IdentityUserRole<Guid> { UserId = account.Id, RoleId = role.Id });
        }
    }
}
