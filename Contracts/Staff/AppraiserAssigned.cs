namespace GLA.Contracts.Staff;

/// <summary>
/// Line management changed: from <see cref="From"/> the person is appraised by
/// <see cref="AppraiserId"/> (null: nobody, until someone is assigned).
/// </summary>
public sealed record AppraiserAssigned(
    Guid StaffMemberId,
    Guid? AppraiserId,
    Guid? PreviousAppraiserId,
    DateOnly From,
    DateTimeOffset OccurredAt)
{
    public const int Version = 1;
}
