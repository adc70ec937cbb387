using GLA.Contracts.Staff;

namespace GLA.Training.Model;

/// <summary>
/// Training's own record of a staff member, kept in step with the Staff service's events:
/// what bookings, mandatory training (by staff group) and CPD records need without calling back.
/// </summary>
public sealed class StaffMember
{
    public Guid Id { get; init; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public required string WorkEmail { get; set; }
    public StaffGroup StaffGroup { get; set; }
    public required string JobTitle { get; set; }
    public Guid SchoolId { get; set; }
    public required string SchoolName { get; set; }
    public DateOnly StartDate { get; set; }
    /// <summary>Who appraises them (from AppraiserAssigned): that person may see their records.</summary>
    public Guid? AppraiserId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
