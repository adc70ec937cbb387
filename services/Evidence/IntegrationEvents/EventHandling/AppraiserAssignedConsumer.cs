using GLA.Evidence.Infrastructure;
using GLA.Contracts.Staff;
using GLA.ServiceDefaults.Messaging;

namespace GLA.Evidence.IntegrationEvents.EventHandling;

public sealed class AppraiserAssignedConsumer(EvidenceDbContext db) : IdempotentConsumer<AppraiserAssigned, EvidenceDbContext>(db)
{
    protected override async Task HandleAsync(AppraiserAssigned assigned, CancellationToken cancellationToken)
    {
        // A person not yet known here arrives with StaffMemberJoined; that event is published first,
        // and a retry covers the rare case of this one overtaking it.
        var member = await Db.StaffMembers.FindAsync([assigned.StaffMemberId], cancellationToken)
            ?? throw new InvalidOperationException($"Staff member {assigned.StaffMemberId} is not known here yet.");
        member.AppraiserId = assigned.AppraiserId;
    }
}
