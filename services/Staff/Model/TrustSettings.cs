namespace GLA.Staff.Model;

/// <summary>The one row of settings that apply trust-wide.</summary>
public sealed class TrustSettings
{
    public const int SingletonId = 1;
    public int Id { get; init; } = SingletonId;
    public string TrustName { get; set; } = "Our trust";
    /// <summary>The English appraisal year follows the academic year: 1 September by default.</summary>
    public int AcademicYearStartMonth { get; set; } = 9;
    public int AcademicYearStartDay { get; set; } = 1;
    /// <summary>Since 2024 performance-related pay progression is optional: a trust decides.</summary>
    public bool PayRecommendationsUsed { get; set; }
    /// <summary>PostgreSQL's xmin: a stale edit is refused, not silently overwritten.</summary>
    public uint Version { get; set; }
}
