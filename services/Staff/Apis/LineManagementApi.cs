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

/// <summary>Who appraises whom: the line management every appraisal starts from.</summary>
public static class LineManagementApi
{
    public static IEndpointRouteBuilder MapLineManagementApi(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/staff/staff-members/{id:guid}/appraiser", AssignAppraiser)
            .WithTags("Line management")
            .RequireAuthorization(Policies.StaffManager);
        return app;
    }

    /// <param name="AppraiserId">The new appraiser; null leaves the person without one.</param>
    /// <param name="From">When the change takes effect; today if not given.</param>
    public sealed record AssignAppraiserRequest(Guid? AppraiserId, [property: Required] DateOnly? From);

    public static async Task<Results<Ok<StaffMembersApi.StaffMemberResponse>, NotFound, ForbidHttpResult, ValidationProblem>> AssignAppraiser(
        Guid id, AssignAppraiserRequest request, ClaimsPrincipal user, StaffDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.StaffRecords.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null) return TypedResults.NotFound();
        if (!member.SchoolIdsInCharge().Any(user.LeadsSchool)) return TypedResults.Forbid();

        var from = request.From!.Value;
        if (member.LeftOn is not null)
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("staffMemberId", $"{member.FirstName} {member.LastName} has left the trust."));
        }
        if (request.AppraiserId == member.Id)
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("appraiserId", "Nobody appraises themselves."));
        }
        if (request.AppraiserId is { } appraiserId)
        {
            var appraiser = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == appraiserId, cancellationToken);
            if (appraiser is null)
            {
                return TypedResults.ValidationProblem(ProblemExtensions.FieldError("appraiserId", "There is no one on the staff with this id."));
            }
            if (appraiser.LeftOn is not null)
            {
                return TypedResults.ValidationProblem(ProblemExtensions.FieldError("appraiserId", $"{appraiser.FirstName} {appraiser.LastName} has left the trust."));
            }
        }
        var current = member.AppraiserHistory.FirstOrDefault(a => a.To is null);
        if (current is not null && from < current.From)
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("from", $"The current appraiser has been in place since {current.From:d MMMM yyyy}; a change must start on or after that."));
        }
        if (member.AppraiserId == request.AppraiserId)
        {
            return TypedResults.Ok(StaffMembersApi.StaffMemberResponse.From(member)); // no change, nothing to announce
        }

        if (current is not null) current.To = from;
        var previous = member.AppraiserId;
        // Added to the context, not the collection: found only through the navigation, an entity whose
        // id is already set would be taken for an existing row. EF puts it in the history itself.
        db.Add(new AppraiserAssignment { StaffMemberId = member.Id, AppraiserId = request.AppraiserId, From = from });
        member.AppraiserId = request.AppraiserId;
        db.AddIntegrationEvent(new AppraiserAssigned(member.Id, request.AppraiserId, previous, from, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(StaffMembersApi.StaffMemberResponse.From(member));
    }
}
