using GLA.Contracts.Staff;
using GLA.Identity.Infrastructure;
using GLA.Identity.Model;
using GLA.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace GLA.Identity.IntegrationEvents.EventHandling;

/// <summary>A mover's next token names their new school instead of the old one.</summary>
public sealed class StaffMemberMovedConsumer(AccountsDbContext db) : IdempotentConsumer<StaffMemberMoved, AccountsDbContext>(db)
{
    protected override async Task HandleAsync(StaffMemberMoved moved, CancellationToken cancellationToken)
    {
        var account = await Db.Users.Include(a => a.Schools).FirstOrDefaultAsync(a => a.StaffMemberId == moved.StaffMemberId, cancellationToken);
        if (account is null) return;
        Db.AccountSchools.RemoveRange(account.Schools.Where(s => s.SchoolId == moved.FromSchoolId));
        if (!account.Schools.Any(s => s.SchoolId == moved.ToSchoolId))
        {
            Db.AccountSchools.Add(new AccountSchool { AccountId = account.Id, SchoolId = moved.ToSchoolId });
        }
    }
}
