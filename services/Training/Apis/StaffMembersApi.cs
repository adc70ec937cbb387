using GLA.Training.Infrastructure;
using GLA.Training.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GLA.Training.Apis;

/// <summary>The people Training knows about, as the Staff service's events told it.</summary>
public static class StaffMembersApi
{
    public static IEndpointRouteBuilder MapStaffMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/training/staff-members").WithTags("Staff members");
        api.MapGet("/{id:guid}", GetStaffMember);
        return app;
    }

    public static async Task<Results<Ok<StaffMember>, NotFound>> GetStaffMember(Guid id, TrainingDbContext db, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return member is null ? TypedResults.NotFound() : TypedResults.Ok(member);
    }
}
