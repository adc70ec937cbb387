namespace GLA.Contracts.Staff;

/// <summary>
/// A person has left the trust. Their records are kept (for the retention period); their
/// access ends: accounts are disabled and sessions closed.
/// </summary>
public sealed record StaffMemberLeft(Guid StaffMemberId, DateOnly LeavingDate, DateTimeOffset OccurredAt)
{
    public const int Version = 1;
}
