namespace GLA.Contracts.Identity;

/// <summary>
/// A person asked to be signed out on every device (or an administrator did it for them):
/// every session held for this account must end now.
/// </summary>
public sealed record AccountSignedOutEverywhere(Guid AccountId, Guid? StaffMemberId, DateTimeOffset OccurredAt)
{
    public const int Version = 1;
}
