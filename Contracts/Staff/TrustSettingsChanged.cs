namespace GLA.Contracts.Staff;

/// <summary>The trust's settings as they now are (each change carries them whole).</summary>
public sealed record TrustSettingsChanged(
    string TrustName,
    int AcademicYearStartMonth,
    int AcademicYearStartDay,
    bool PayRecommendationsUsed,
    DateTimeOffset OccurredAt)
{
    public const int Version = 1;
}
