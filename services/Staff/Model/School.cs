namespace GLA.Staff.Model;

public sealed class School
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>The six-digit Unique Reference Number the DfE gives every school.</summary>
    public required string Urn { get; set; }
    public SchoolPhase Phase { get; set; }
    public string? LocalAuthority { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

public enum SchoolPhase
{
    Nursery,
    Primary,
    Secondary,
    AllThrough,
    Special,
    AlternativeProvision,
    SixteenPlus,
}
