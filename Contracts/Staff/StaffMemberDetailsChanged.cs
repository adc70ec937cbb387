namespace GLA.Contracts.Staff;

/// <summary>A person's name, work email, staff group or job title changed in Staff.</summary>
public sealed record StaffMemberDetailsChanged(
    Guid StaffMemberId,
    string FirstName,
    string LastName,
    string WorkEmail,
    StaffGroup StaffGroup,
    string JobTitle,
    DateTimeOffset OccurredAt)
{
    public const int Version = 1;
}
