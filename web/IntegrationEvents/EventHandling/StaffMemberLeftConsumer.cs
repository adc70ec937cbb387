using GLA.Contracts.Staff;
using GLA.ServiceDefaults.Messaging;
using GLA.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GLA.Web.IntegrationEvents.EventHandling;

/// <summary>A leaver's open sessions end at once, on every browser they used.</summary>
public sealed class StaffMemberLeftConsumer(WebDbContext db) : IdempotentConsumer<StaffMemberLeft, WebDbContext>(db)
{
    protected override async Task HandleAsync(StaffMemberLeft left, CancellationToken cancellationToken)
    {
        var sessions = await Db.Sessions.Where(s => s.StaffMemberId == left.StaffMemberId).ToListAsync(cancellationToken);
        Db.Sessions.RemoveRange(sessions);
    }
}
