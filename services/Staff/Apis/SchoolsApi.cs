using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GLA.ServiceDefaults.Security;
using GLA.Staff.Infrastructure;
using GLA.Staff.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Extensions.Hosting.AuthenticationExtensions;

namespace GLA.Staff.Apis;

public static class SchoolsApi
{
    public static IEndpointRouteBuilder MapSchoolsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff/schools").WithTags("Schools");
        api.MapGet("/", ListSchools).RequireAuthorization(Policies.Person);
        api.MapGet("/{id:guid}", GetSchool).RequireAuthorization(Policies.Person);
        api.MapPost("/", CreateSchool).RequireAuthorization(Policies.TrustAdmin);
        api.MapGet("/{id:guid}/sites", ListSites).RequireAuthorization(Policies.Person);
        api.MapPost("/{id:guid}/sites", AddSite).RequireAuthorization(Policies.StaffManager);
        return app;
    }

    public sealed record SchoolRequest(
        [property: Required(ErrorMessage = "Enter the school's name."), StringLength(200, MinimumLength = 1)] string Name,
        [property: Required(ErrorMessage = "Enter the school's URN."), RegularExpression(@"^\d{6}$", ErrorMessage = "A URN is the school's six-digit Unique Reference Number.")] string Urn,
        [property: Required(ErrorMessage = "Choose the school's phase.")] SchoolPhase? Phase,
        [property: StringLength(100)] string? LocalAuthority,
        [property: StringLength(500)] string? Address = null);

    public sealed record SiteRequest(
        [property: Required(ErrorMessage = "Enter the site's name."), StringLength(200, MinimumLength = 1)] string Name,
        [property: StringLength(500)] string? Address);

    public sealed record SiteResponse(Guid Id, string Name, string? Address);

    public sealed record SchoolResponse(Guid Id, string Name, string Urn, SchoolPhase Phase, string? LocalAuthority, string? Address)
    {
        public static SchoolResponse From(School school) => new(school.Id, school.Name, school.Urn, school.Phase, school.LocalAuthority, school.Address);
    }

    /// <summary>Trust-wide roles see every school; everyone else the schools they work in.</summary>
    public static async Task<Ok<List<SchoolResponse>>> ListSchools(ClaimsPrincipal user, StaffDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Schools.AsNoTracking();
        if (!user.IsTrustWide())
        {
            var mine = user.Schools().ToList();
            query = query.Where(s => mine.Contains(s.Id));
        }
        var schools = await query.OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(schools.ConvertAll(SchoolResponse.From));
    }

    public static async Task<Results<Ok<SchoolResponse>, NotFound, ForbidHttpResult>> GetSchool(
        Guid id, ClaimsPrincipal user, StaffDbContext db, CancellationToken cancellationToken)
    {
        if (!user.CanSeeSchool(id)) return TypedResults.Forbid();
        var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return school is null ? TypedResults.NotFound() : TypedResults.Ok(SchoolResponse.From(school));
    }

    public static async Task<Results<Created<SchoolResponse>, ValidationProblem>> CreateSchool(
        SchoolRequest request, StaffDbContext db, CancellationToken cancellationToken)
    {
        var duplicateUrn = ProblemExtensions.FieldError("urn", $"A school with URN {request.Urn} is already in the trust.");
        if (await db.Schools.AnyAsync(s => s.Urn == request.Urn, cancellationToken))
        {
            return TypedResults.ValidationProblem(duplicateUrn);
        }

        var school = new School
        {
            Name = request.Name.Trim(),
            Urn = request.Urn,
            Phase = request.Phase!.Value,
            LocalAuthority = request.LocalAuthority?.Trim(),
            Address = request.Address?.Trim(),
        };
        db.Schools.Add(school);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(out _))
        {
            return TypedResults.ValidationProblem(duplicateUrn);
        }
        return TypedResults.Created($"/api/staff/schools/{school.Id}", SchoolResponse.From(school));
    }

    public static async Task<Results<Ok<List<SiteResponse>>, NotFound, ForbidHttpResult>> ListSites(
        Guid id, ClaimsPrincipal user, StaffDbContext db, CancellationToken cancellationToken)
    {
        if (!user.CanSeeSchool(id)) return TypedResults.Forbid();
        var school = await db.Schools.AsNoTracking().Include(s => s.Sites).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return school is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(school.Sites.OrderBy(s => s.Name).Select(s => new SiteResponse(s.Id, s.Name, s.Address)).ToList());
    }

    /// <summary>A school's leader, or a trust admin, adds the places the school works from.</summary>
    public static async Task<Results<Created<SiteResponse>, NotFound, ForbidHttpResult, ValidationProblem>> AddSite(
        Guid id, SiteRequest request, ClaimsPrincipal user, StaffDbContext db, CancellationToken cancellationToken)
    {
        if (!user.LeadsSchool(id)) return TypedResults.Forbid();
        var school = await db.Schools.Include(s => s.Sites).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (school is null) return TypedResults.NotFound();
        var name = request.Name.Trim();
        var duplicate = ProblemExtensions.FieldError("name", $"{school.Name} already has a site called {name}.");
        if (school.Sites.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))) return TypedResults.ValidationProblem(duplicate);
        var site = new Site { SchoolId = school.Id, Name = name, Address = request.Address?.Trim() };
        db.Add(site);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(out _))
        {
            return TypedResults.ValidationProblem(duplicate);
        }
        return TypedResults.Created($"/api/staff/schools/{id}/sites", new SiteResponse(site.Id, site.Name, site.Address));
    }
}
