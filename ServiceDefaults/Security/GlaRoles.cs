namespace GLA.ServiceDefaults.Security;

/// <summary>The roles a token can carry. Everyone on the staff is a staff member; the rest are granted.</summary>
public static class GlaRoles
{
    public const string StaffMember = "staff-member";
    public const string Appraiser = "appraiser";
    public const string SchoolLeader = "school-leader";
    public const string TrustLeader = "trust-leader";
    public const string TrustAdmin = "trust-admin";
    /// <summary>A machine client (an internal or external course provider).</summary>
    public const string TrainingProvider = "training-provider";

    public static readonly IReadOnlyList<string> People = [StaffMember, Appraiser, SchoolLeader, TrustLeader, TrustAdmin];
    public static readonly IReadOnlyList<string> TrustWide = [TrustLeader, TrustAdmin];
}

/// <summary>Claim types in GLA's tokens (short JWT names, not the long XML-era URIs).</summary>
public static class GlaClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";
    public const string StaffMemberId = "staff_id";
    /// <summary>One claim per school the person works in (from their contracts in Staff).</summary>
    public const string School = "school";
}

/// <summary>The APIs a token can be for: each name is a scope and the audience its service checks.</summary>
public static class GlaApis
{
    public const string Staff = "staff";
    public const string Appraisal = "appraisal";
    public const string Training = "training";
    public const string Evidence = "evidence";
    public const string Identity = "identity";

    public static readonly IReadOnlyList<string> All = [Staff, Appraisal, Training, Evidence, Identity];
}
