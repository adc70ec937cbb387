using GLA.Contracts.Staff;

namespace GLA.Staff.Model;

public sealed class StaffMember
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    /// <summary>Unique across the trust, stored lower-case; it is how sign-in finds the person.</summary>
    public required string WorkEmail { get; set; }
    /// <summary>The MIS employee number, unique within the trust; the key for imports.</summary>
    public required string EmployeeNumber { get; set; }
    public StaffGroup StaffGroup { get; set; }
    public required string JobTitle { get; set; }
    /// <summary>In their first two years of teaching (an early career teacher), with their own support and deadlines.</summary>
    public bool EarlyCareer { get; set; }
    public List<Contract> Contracts { get; init; } = [];
    /// <summary>Their line manager, who appraises them; the history is in <see cref="AppraiserHistory"/>.</summary>
    public Guid? AppraiserId { get; set; }
    public List<AppraiserAssignment> AppraiserHistory { get; init; } = [];
    /// <summary>Set when they leave the trust; the record is kept for the retention period.</summary>
    public DateOnly? LeftOn { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    /// <summary>PostgreSQL's xmin: a stale edit is refused, not silently overwritten.</summary>
    public uint Version { get; set; }

    /// <summary>
    /// The schools whose leaders look after this person: where they work now, or, for a leaver,
    /// where they worked. A mover's old school no longer sees their record.
    /// </summary>
    public IEnumerable<Guid> SchoolIdsInCharge() =>
        Contracts.Where(c => c.EndDate is null || LeftOn is not null).Select(c => c.SchoolId).Distinct();
}

/// <summary>Employment at one school; people may hold several across the trust.</summary>
public sealed class Contract
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StaffMemberId { get; init; }
    public Guid SchoolId { get; init; }
    public School? School { get; init; }
    /// <summary>Full-time equivalent, 0 &lt; FTE ≤ 1.</summary>
    public decimal Fte { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
}

/// <summary>Who appraised a person, and when: appraisals and reports need the history, not just today's answer.</summary>
public sealed class AppraiserAssignment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid StaffMemberId { get; init; }
    public Guid? AppraiserId { get; init; }
    public DateOnly From { get; init; }
    /// <summary>Null while it is the current assignment.</summary>
    public DateOnly? To { get; set; }
}
