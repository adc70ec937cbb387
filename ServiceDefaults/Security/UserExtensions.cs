using System.Security.Claims;

namespace GLA.ServiceDefaults.Security;

/// <summary>Questions every service asks of the caller, answered from the token alone.</summary>
public static class UserExtensions
{
    public static Guid? StaffMemberId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(GlaClaims.StaffMemberId), out var id) ? id : null;

    public static IReadOnlySet<Guid> Schools(this ClaimsPrincipal user) =>
        user.FindAll(GlaClaims.School).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).ToHashSet();

    public static bool IsTrustWide(this ClaimsPrincipal user) => GlaRoles.TrustWide.Any(user.IsInRole);

    public static bool IsSelf(this ClaimsPrincipal user, Guid staffMemberId) => user.StaffMemberId() == staffMemberId;

    /// <summary>Trust leaders and admins see every school; everyone else only the schools they work in.</summary>
    public static bool CanSeeSchool(this ClaimsPrincipal user, Guid schoolId) => user.IsTrustWide() || user.Schools().Contains(schoolId);

    /// <summary>
    /// Whose record a person may read: their own; their appraisees'; anyone's if trust-wide;
    /// anyone's at a school they lead.
    /// </summary>
    public static bool CanSeeStaffMember(this ClaimsPrincipal user, Guid staffMemberId, IEnumerable<Guid> schoolsOfThatPerson, Guid? appraiserOfThatPerson) =>
        user.IsSelf(staffMemberId)
        || (appraiserOfThatPerson is { } appraiser && user.IsSelf(appraiser))
        || user.IsTrustWide()
        || schoolsOfThatPerson.Any(user.LeadsSchool);

    /// <summary>A school leader leads the schools they work in.</summary>
    public static bool LeadsSchool(this ClaimsPrincipal user, Guid schoolId) =>
        user.IsTrustWide() || (user.IsInRole(GlaRoles.SchoolLeader) && user.Schools().Contains(schoolId));
}
