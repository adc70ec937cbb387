namespace GLA.Contracts.Staff;

/// <summary>A person moved school within the trust: their contract at the old school ended and one began at the new.</summary>
public sealed record StaffMemberMoved(
    Guid StaffMemberId,
    Guid? FromSchoolId,
    Guid ToSchoolId,
    string ToSchoolName,
    DateOnly Date,
    DateTimeOffset OccurredAt)
{
    public const int Version = 1;
}
