using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using GLA.Staff.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Extensions.Hosting.AuthenticationExtensions;

namespace GLA.Staff.Apis;

/// <summary>The directory as a CSV file, with the same filters and the same access rules as the list.</summary>
public static class DirectoryExportApi
{
    public static IEndpointRouteBuilder MapDirectoryExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/staff/staff-members/export", Export).WithTags("Staff members").RequireAuthorization(Policies.Person);
        return app;
    }

    private sealed record Row(
        string EmployeeNumber, string FirstName, string LastName, string WorkEmail, string StaffGroup, string JobTitle,
        string Schools, string Appraiser, bool EarlyCareer, string LeftOn);

    public static async Task<Results<PushStreamHttpResult, ForbidHttpResult>> Export(
        [AsParameters] StaffMembersApi.DirectoryFilter filter, ClaimsPrincipal user, StaffDbContext db, CancellationToken cancellationToken)
    {
        if (!filter.AllowedFor(user)) return TypedResults.Forbid();
        var members = await filter.Apply(db.StaffMembers.AsNoTracking())
            .Select(m => new
            {
                m.EmployeeNumber, m.FirstName, m.LastName, m.WorkEmail, m.StaffGroup, m.JobTitle, m.EarlyCareer, m.LeftOn, m.AppraiserId,
                Schools = m.Contracts.Where(c => c.EndDate == null || m.LeftOn != null).Select(c => c.School!.Name).ToList(),
            })
            .ToListAsync(cancellationToken);
        var appraiserIds = members.Select(m => m.AppraiserId).OfType<Guid>().Distinct().ToList();
        var appraisers = await db.StaffMembers.AsNoTracking().Where(m => appraiserIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => $"{m.FirstName} {m.LastName}", cancellationToken);

        var rows = members.Select(m => new Row(
            m.EmployeeNumber, m.FirstName, m.LastName, m.WorkEmail, m.StaffGroup.ToString(), m.JobTitle,
            string.Join("; ", m.Schools.Order()),
            m.AppraiserId is { } id && appraisers.TryGetValue(id, out var name) ? name : "",
            m.EarlyCareer,
            m.LeftOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""));
        return TypedResults.Stream(async stream =>
        {
            await using var writer = new StreamWriter(stream);
            await using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture));
            await csv.WriteRecordsAsync(rows, cancellationToken);
        }, "text/csv; charset=utf-8", $"staff-{DateTime.UtcNow:yyyy-MM-dd}.csv");
    }
}
