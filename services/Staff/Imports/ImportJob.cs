namespace GLA.Staff.Imports;

/// <summary>One upload of the MIS staff export, worked through in the background.</summary>
public sealed class ImportJob
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string FileName { get; init; }
    /// <summary>The file as uploaded, apart so progress reads never load it; kept so a job survives a restart.</summary>
    public ImportFile? File { get; init; }
    public ImportStatus Status { get; set; } = ImportStatus.Queued;
    public int TotalRows { get; set; }
    public int RowsDone { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public List<ImportError> Errors { get; set; } = [];
    public string? RequestedBy { get; init; }
    public DateTimeOffset QueuedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>Touched after every batch: a running job whose heartbeat stops is resumed by another worker.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public enum ImportStatus { Queued, Running, Completed, Failed }

/// <summary>A row that was not imported, and why, in words the office can act on.</summary>
public sealed record ImportError(int Line, string Reason);

public sealed class ImportFile
{
    public Guid ImportJobId { get; init; }
    public required byte[] Content { get; init; }
}
