namespace GLA.Contracts.Staff;

/// <summary>Appraisal deadlines, standards frameworks and training differ by staff group.</summary>
public enum StaffGroup
{
    Teaching,
    Support,
    Leadership,
}
