using GLA.Appraisal.Infrastructure;
using GLA.Contracts.Staff;
using GLA.ServiceDefaults.Messaging;

namespace GLA.Appraisal.IntegrationEvents.EventHandling;

public sealed class StaffMemberDetailsChangedConsumer(AppraisalDbContext db) : IdempotentConsumer<StaffMemberDetailsChanged, AppraisalDbContext>(db)
{
    protected override async Task HandleAsync(StaffMemberDetailsChanged changed, CancellationToken cancellationToken)
    {
        var member = await Db.StaffMembers.FindAsync([changed.StaffMemberId], cancellationToken)
            ?? throw new InvalidOperationException($"Staff member {changed.StaffMemberId} is not known here yet.");
        // Events about one person can overtake each other across queues: the newer wins.
        if (changed.OccurredAt < member.UpdatedAt) return;
        member.FirstName = changed.FirstName;
        member.LastName = changed.LastName;
        member.WorkEmail = changed.WorkEmail;
        member.StaffGroup = changed.StaffGroup;
        member.JobTitle = changed.JobTitle;
        member.UpdatedAt = changed.OccurredAt;
    }
}
