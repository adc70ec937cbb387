using GLA.Evidence.Infrastructure;
using GLA.Evidence.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GLA.Evidence.Apis;

/// <summary>The people Evidence knows about, as the Staff service's events told it.</summary>
public static class StaffMembersApi
{
    public static IEndpointRouteBuilder MapStaffMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/evidence/staff-members").WithTags("Staff members");
        api.MapGet("/{id:guid}", GetStaffMember);
        return app;
    }

    public static async Task<Results<Ok<StaffMember>, NotFound>> GetStaffMember(Guid id, EvidenceDbContext db, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        return member is null ? TypedResults.NotFound() : TypedResults.Ok(member);
    }
}
