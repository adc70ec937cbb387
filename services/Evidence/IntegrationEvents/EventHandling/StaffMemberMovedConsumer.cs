using GLA.Evidence.Infrastructure;
using GLA.Contracts.Staff;
using GLA.ServiceDefaults.Messaging;

namespace GLA.Evidence.IntegrationEvents.EventHandling;

/// <summary>A mover's records follow them: their school here is now the new one.</summary>
public sealed class StaffMemberMovedConsumer(EvidenceDbContext db) : IdempotentConsumer<StaffMemberMoved, EvidenceDbContext>(db)
{
    protected override async Task HandleAsync(StaffMemberMoved moved, CancellationToken cancellationToken)
    {
        var member = await Db.StaffMembers.FindAsync([moved.StaffMemberId], cancellationToken)
            ?? throw new InvalidOperationException($"Staff member {moved.StaffMemberId} is not known here yet.");
        member.SchoolId = moved.ToSchoolId;
        member.SchoolName = moved.ToSchoolName;
    }
}
