using GLA.Evidence.Infrastructure;
using GLA.Evidence.Model;
using GLA.Contracts.Staff;
using GLA.ServiceDefaults.Messaging;

namespace GLA.Evidence.IntegrationEvents.EventHandling;

public sealed class StaffMemberJoinedConsumer(EvidenceDbContext db) : IdempotentConsumer<StaffMemberJoined, EvidenceDbContext>(db)
{
    protected override async Task HandleAsync(StaffMemberJoined joined, CancellationToken cancellationToken)
    {
        var member = await Db.StaffMembers.FindAsync([joined.StaffMemberId], cancellationToken);
        if (member is null)
        {
            member = new StaffMember
            {
                Id = joined.StaffMemberId,
                FirstName = joined.FirstName,
                LastName = joined.LastName,
                WorkEmail = joined.WorkEmail,
                JobTitle = joined.JobTitle,
                SchoolName = joined.SchoolName,
            };
            Db.StaffMembers.Add(member);
        }
        member.FirstName = joined.FirstName;
        member.LastName = joined.LastName;
        member.WorkEmail = joined.WorkEmail;
        member.StaffGroup = joined.StaffGroup;
        member.JobTitle = joined.JobTitle;
        member.SchoolId = joined.SchoolId;
        member.SchoolName = joined.SchoolName;
        member.StartDate = joined.StartDate;
        member.UpdatedAt = joined.OccurredAt;
    }
}
