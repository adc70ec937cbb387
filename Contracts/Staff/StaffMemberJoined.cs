namespace GLA.Contracts.Staff;

/// <summary>
/// A person has joined the trust. Carries what the other services keep locally,
/// so no consumer has to call the Staff service back.
/// </summary>
public sealed record StaffMemberJoined(
    Guid StaffMemberId,
    string FirstName,
    string LastName,
    string WorkEmail,
    string EmployeeNumber,
    StaffGroup StaffGroup,
    string JobTitle,
    Guid SchoolId,
    string SchoolName,
    DateOnly StartDate,
    DateTimeOffset OccurredAt)
{
    public const int Version = 1;
}
