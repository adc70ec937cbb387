using System.Security.Claims;
using GLA.ServiceDefaults.Security;
using GLA.Staff.Imports;
using GLA.Staff.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Extensions.Hosting.AuthenticationExtensions;

namespace GLA.Staff.Apis;

/// <summary>Staff imports from the school MIS: upload a CSV export, then follow its progress.</summary>
public static class ImportsApi
{
    public const long MaxFileBytes = 8 * 1024 * 1024;

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff/imports").WithTags("Imports").RequireAuthorization(Policies.TrustAdmin);
        // A bearer token is no cookie, so a cross-site form cannot post here: no anti-forgery token needed.
        api.MapPost("/", Upload).DisableAntiforgery();
        api.MapGet("/", ListImports);
        api.MapGet("/{id:guid}", GetImport);
        return app;
    }

    public sealed record ImportResponse(
        Guid Id, string FileName, ImportStatus Status, int TotalRows, int RowsDone, int Percent,
        int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors,
        DateTimeOffset QueuedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
    {
        public static ImportResponse From(ImportJob job) => new(
            job.Id, job.FileName, job.Status, job.TotalRows, job.RowsDone,
            job.Status == ImportStatus.Completed ? 100 : job.TotalRows == 0 ? 0 : job.RowsDone * 100 / job.TotalRows,
            job.Created, job.Updated, job.Unchanged, job.Errors.OrderBy(e => e.Line).ToList(), job.QueuedAt, job.StartedAt, job.FinishedAt);
    }

    public static async Task<Results<Accepted<ImportResponse>, ValidationProblem>> Upload(
        IFormFile? file, ClaimsPrincipal user, StaffDbContext db, ImportSignal signal, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("file", "Choose the CSV file your MIS exported."));
        }
        if (file.Length > MaxFileBytes)
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("file", $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB; export one school at a time."));
        }
        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        var job = new ImportJob
        {
            FileName = Path.GetFileName(file.FileName),
            File = new ImportFile { Content = content.ToArray() },
            RequestedBy = user.FindFirstValue(GlaClaims.Name) ?? user.FindFirstValue(GlaClaims.Subject),
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Accepted($"/api/staff/imports/{job.Id}", ImportResponse.From(job));
    }

    public static async Task<Ok<List<ImportResponse>>> ListImports(StaffDbContext db, CancellationToken cancellationToken)
    {
        var jobs = await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.QueuedAt).Take(50).ToListAsync(cancellationToken);
        return TypedResults.Ok(jobs.ConvertAll(ImportResponse.From));
    }

    public static async Task<Results<Ok<ImportResponse>, NotFound>> GetImport(Guid id, StaffDbContext db, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        return job is null ? TypedResults.NotFound() : TypedResults.Ok(ImportResponse.From(job));
    }
}
