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
        return app;
    }

    public sealed record SchoolRequest(
        [property: Required(ErrorMessage = "Enter the school's name."), StringLength(200, MinimumLength = 1)] string Name,
        [property: Required(ErrorMessage = "Enter the school's URN."), RegularExpression(@"^\d{6}$", ErrorMessage = "A URN is the school's six-digit Unique Reference Number.")] string Urn,
        [property: Required(ErrorMessage = "Choose the school's phase.")] SchoolPhase? Phase,
        [property: StringLength(100)] string? LocalAuthority);

    public sealed record SchoolResponse(Guid Id, string Name, string Urn, SchoolPhase Phase, string? LocalAuthority)
    {
        public static SchoolResponse From(School school) => new(school.Id, school.Name, school.Urn, school.Phase, school.LocalAuthority);
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
}
