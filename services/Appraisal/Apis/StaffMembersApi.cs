using GLA.Appraisal.Infrastructure;
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
        api.MapGet("/{id:guid}", GetStaffMember);
        return app;
    }

    public static async Task<Results<Ok<StaffMember>, NotFound>> GetStaffMember(Guid id, AppraisalDbContext db, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return member is null ? TypedResults.NotFound() : TypedResults.Ok(member);
    }
}
