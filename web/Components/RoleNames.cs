using GLA.ServiceDefaults.Security;

namespace GLA.Web.Components;

/// <summary>Roles in the words people in schools use.</summary>
public static class RoleNames
{
    public static string Title(string role) => role switch
    {
        GlaRoles.StaffMember => "Staff member",
        GlaRoles.Appraiser => "Appraiser",
        GlaRoles.SchoolLeader => "School leader",
        GlaRoles.TrustLeader => "Trust leader",
        GlaRoles.TrustAdmin => "Trust administrator",
        _ => role,
    };

    public static string Description(string role) => role switch
    {
        GlaRoles.StaffMember => "draft your objectives, review yourself against the standards, keep your evidence and book training.",
        GlaRoles.Appraiser => "agree objectives with the people you appraise, record lesson observations and hold their reviews.",
        GlaRoles.SchoolLeader => "follow your school's progress through the cycle, manage staff records and run school CPD.",
        GlaRoles.TrustLeader => "compare the trust's schools like with like on one dashboard.",
        GlaRoles.TrustAdmin => "set up schools, staff, cycles and standards, and decide who may do what.",
        _ => "",
    };
}
