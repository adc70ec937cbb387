using System.Security.Claims;
using GLA.Appraisal.Infrastructure;
using GLA.ServiceDefaults.Security;
using GLA.Appraisal.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GLA.Appraisal.Apis;

/// <summary>The people Appraisal knows about, as the Staff service's events told it.</summary>
public static class StaffMembersApi
{
    public static IEndpointRouteBuilder MapStaffMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/appraisal/staff-members").WithTags("Staff members");
        api.MapGet("/{id:guid}", GetStaffMember).RequireAuthorization(AuthenticationExtensions.Policies.Person);
        return app;
    }

    public static async Task<Results<Ok<StaffMember>, NotFound, ForbidHttpResult>> GetStaffMember(
        Guid id, ClaimsPrincipal user, AppraisalDbContext db, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null) return TypedResults.NotFound();
        if (!user.CanSeeStaffMember(member.Id, [member.SchoolId], member.AppraiserId)) return TypedResults.Forbid();
        return TypedResults.Ok(member);
    }
}
