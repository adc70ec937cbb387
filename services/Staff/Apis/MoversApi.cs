using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using GLA.Contracts.Staff;
using GLA.ServiceDefaults.Messaging;
using GLA.ServiceDefaults.Security;
using GLA.Staff.Infrastructure;
using GLA.Staff.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Extensions.Hosting.AuthenticationExtensions;

namespace GLA.Staff.Apis;

/// <summary>Movers: people changing school within the trust keep one record and one history.</summary>
public static class MoversApi
{
    public static IEndpointRouteBuilder MapMoversApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/staff/staff-members/{id:guid}/move", Move).WithTags("Staff members").RequireAuthorization(Policies.StaffManager);
        return app;
    }

    public sealed record MoveRequest(
        [property: Required] Guid? ToSchoolId,
        [property: Required] DateOnly? Date,
        [property: Range(0.01, 1.0, ErrorMessage = "FTE is between 0.01 and 1.")] decimal? Fte);

    /// <summary>
    /// Ends their open contracts on the day before <see cref="MoveRequest.Date"/> and starts one at the
    /// new school. A leader of the school they leave, or a trust admin, records it.
    /// </summary>
    public static async Task<Results<Ok<StaffMembersApi.StaffMemberResponse>, NotFound, ForbidHttpResult, ValidationProblem>> Move(
        Guid id, MoveRequest request, ClaimsPrincipal user, StaffDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.StaffRecords.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null) return TypedResults.NotFound();
        var open = member.Contracts.Where(c => c.EndDate is null).ToList();
        if (!open.Select(c => c.SchoolId).Any(user.LeadsSchool)) return TypedResults.Forbid();

        var date = request.Date!.Value;
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Id == request.ToSchoolId, cancellationToken);
        if (school is null) return TypedResults.ValidationProblem(ProblemExtensions.FieldError("toSchoolId", "There is no school with this id in the trust."));
        if (member.LeftOn is not null) return TypedResults.ValidationProblem(ProblemExtensions.FieldError("staffMemberId", "They have left the trust."));
        if (open.Any(c => c.SchoolId == school.Id)) return TypedResults.ValidationProblem(ProblemExtensions.FieldError("toSchoolId", $"They already work at {school.Name}."));
        if (date > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)) return TypedResults.ValidationProblem(ProblemExtensions.FieldError("date", "Record a move on or after the day it happens."));
        if (open.Any(c => date <= c.StartDate)) return TypedResults.ValidationProblem(ProblemExtensions.FieldError("date", "The move is before their current contract started."));

        foreach (var contract in open) contract.EndDate = date.AddDays(-1);
        // Added to the context: a new entity with its id set, found only through a navigation, would be taken for an existing row.
        db.Contracts.Add(new Contract { StaffMemberId = member.Id, SchoolId = school.Id, School = school, Fte = request.Fte ?? open.FirstOrDefault()?.Fte ?? 1m, StartDate = date });
        db.AddIntegrationEvent(new StaffMemberMoved(member.Id, open.FirstOrDefault()?.SchoolId, school.Id, school.Name, date, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(StaffMembersApi.StaffMemberResponse.From(member));
    }
}
