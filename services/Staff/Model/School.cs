namespace GLA.Staff.Model;

public sealed class School
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    /// <summary>The six-digit Unique Reference Number the DfE gives every school.</summary>
    public required string Urn { get; set; }
    public SchoolPhase Phase { get; set; }
    public string? LocalAuthority { get; set; }
    /// <summary>Postal address, lines separated by newlines.</summary>
    public string? Address { get; set; }
    public List<Site> Sites { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>A place a school works from (a second campus, a sixth-form centre); courses run at sites.</summary>
public sealed class Site
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid SchoolId { get; init; }
    public required string Name { get; set; }
    public string? Address { get; set; }
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
