using Microsoft.AspNetCore.Identity;

namespace GLA.Identity.Model;

/// <summary>
/// A person's sign-in. Created from the Staff service's events (or as the first trust
/// administrator); the password is the person's own, set from an invitation.
/// </summary>
public sealed class Account : IdentityUser<Guid>
{
    public Guid? StaffMemberId { get; set; }
    public required string DisplayName { get; set; }
    /// <summary>A leaver's account: it cannot sign in or refresh a token.</summary>
    public bool IsDisabled { get; set; }
    public List<AccountSchool> Schools { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>A school the person works in, as the Staff service says; it becomes a "school" claim.</summary>
public sealed class AccountSchool
{
    public Guid AccountId { get; init; }
    public Guid SchoolId { get; init; }
}

/// <summary>A one-time link to set a password. Only a hash of the token is kept.</summary>
public sealed class Invitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid AccountId { get; init; }
    public Account? Account { get; init; }
    public required string TokenHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AcceptedAt { get; set; }
}

/// <summary>Line management as Staff announces it; whoever appraises someone holds the appraiser role.</summary>
public sealed class AppraiseeLink
{
    public Guid AppraiseeStaffMemberId { get; init; }
    public Guid AppraiserStaffMemberId { get; set; }
}
