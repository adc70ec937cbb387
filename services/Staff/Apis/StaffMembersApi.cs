using System.ComponentModel.DataAnnotations;
using GLA.Contracts.Staff;
using GLA.ServiceDefaults.Messaging;
using System.Security.Claims;
using GLA.ServiceDefaults.Security;
using GLA.Staff.Infrastructure;
using GLA.Staff.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Extensions.Hosting.AuthenticationExtensions;

namespace GLA.Staff.Apis;

public static class StaffMembersApi
{
    public static IEndpointRouteBuilder MapStaffMembersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff/staff-members").WithTags("Staff members");
        api.MapGet("/", ListStaffMembers).RequireAuthorization(Policies.Person);
        api.MapGet("/{id:guid}", GetStaffMember).RequireAuthorization(Policies.Person);
        api.MapPost("/", AddStaffMember).RequireAuthorization(Policies.StaffManager);
        api.MapPut("/{id:guid}", UpdateDetails).RequireAuthorization(Policies.StaffManager);
        api.MapPost("/{id:guid}/leave", RecordLeaver).RequireAuthorization(Policies.StaffManager);
        return app;
    }

    public sealed record NewStaffMemberRequest(
        [property: Required(ErrorMessage = "Enter their first name."), StringLength(100, MinimumLength = 1)] string FirstName,
        [property: Required(ErrorMessage = "Enter their last name."), StringLength(100, MinimumLength = 1)] string LastName,
        [property: Required(ErrorMessage = "Enter their work email address."), EmailAddress(ErrorMessage = "Enter a work email address like name@school.org.uk."), StringLength(254)] string WorkEmail,
        [property: Required(ErrorMessage = "Enter their employee number from the MIS."), StringLength(30, MinimumLength = 1)] string EmployeeNumber,
        [property: Required(ErrorMessage = "Choose their staff group.")] StaffGroup? StaffGroup,
        [property: Required(ErrorMessage = "Enter their job title."), StringLength(150, MinimumLength = 1)] string JobTitle,
        [property: Required(ErrorMessage = "Choose their school.")] Guid? SchoolId,
        [property: Range(0.01, 1.0, ErrorMessage = "FTE is between 0.01 and 1.")] decimal? Fte,
        [property: Required(ErrorMessage = "Enter the date they start.")] DateOnly? StartDate);

    public sealed record LeaverRequest([property: Required] DateOnly? LeavingDate);

    public sealed record DetailsRequest(
        [property: Required, StringLength(100, MinimumLength = 1)] string FirstName,
        [property: Required, StringLength(100, MinimumLength = 1)] string LastName,
        [property: Required, EmailAddress(ErrorMessage = "Enter a work email address like name@school.org.uk."), StringLength(254)] string WorkEmail,
        [property: Required] StaffGroup? StaffGroup,
        [property: Required, StringLength(150, MinimumLength = 1)] string JobTitle,
        bool EarlyCareer,
        [property: Required(ErrorMessage = "Send the version you read, so a change made since is not overwritten.")] uint? Version);

    public sealed record ContractResponse(Guid SchoolId, string SchoolName, decimal Fte, DateOnly StartDate, DateOnly? EndDate);

    public sealed record AppraiserPeriod(Guid? AppraiserId, DateOnly From, DateOnly? To);

    public sealed record StaffMemberResponse(
        Guid Id, string FirstName, string LastName, string WorkEmail, string EmployeeNumber,
        StaffGroup StaffGroup, string JobTitle, bool EarlyCareer, IReadOnlyList<ContractResponse> Contracts, DateOnly? LeftOn,
        Guid? AppraiserId, IReadOnlyList<AppraiserPeriod> AppraiserHistory, uint Version)
    {
        public static StaffMemberResponse From(StaffMember member) => new(
            member.Id, member.FirstName, member.LastName, member.WorkEmail, member.EmployeeNumber, member.StaffGroup, member.JobTitle, member.EarlyCareer,
            member.Contracts.OrderBy(c => c.StartDate)
                .Select(c => new ContractResponse(c.SchoolId, c.School?.Name ?? "", c.Fte, c.StartDate, c.EndDate)).ToList(),
            member.LeftOn,
            member.AppraiserId,
            member.AppraiserHistory.OrderBy(a => a.From).Select(a => new AppraiserPeriod(a.AppraiserId, a.From, a.To)).ToList(),
            member.Version);
    }

    public sealed record StaffMemberPage(IReadOnlyList<StaffMemberResponse> Items, int Total, int Page, int PageSize);

    /// <summary>What the directory can be narrowed by; bound from the query string.</summary>
    public sealed record DirectoryFilter(string? Search, Guid? SchoolId, StaffGroup? StaffGroup, Guid? AppraiserId, bool IncludeLeavers = false)
    {
        /// <summary>Trust-wide roles may look at everyone; a school leader at a school they lead.</summary>
        public bool AllowedFor(ClaimsPrincipal user) => SchoolId is { } school ? user.LeadsSchool(school) : user.IsTrustWide();

        public IQueryable<StaffMember> Apply(IQueryable<StaffMember> query)
        {
            // Their current school (a mover's old school no longer lists them), or where a leaver last worked.
            if (SchoolId is { } school) query = query.Where(m => m.Contracts.Any(c => c.SchoolId == school && (c.EndDate == null || m.LeftOn != null)));
            if (StaffGroup is { } group) query = query.Where(m => m.StaffGroup == group);
            if (AppraiserId is { } appraiser) query = query.Where(m => m.AppraiserId == appraiser);
            if (!IncludeLeavers) query = query.Where(m => m.LeftOn == null);
            if (!string.IsNullOrWhiteSpace(Search))
            {
                var pattern = "%" + Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                query = query.Where(m => EF.Functions.ILike(m.FirstName + " " + m.LastName, pattern)
                    || EF.Functions.ILike(m.WorkEmail, pattern) || EF.Functions.ILike(m.EmployeeNumber, pattern));
            }
            // A stable order, so paging never shows a person twice or skips one.
            return query.OrderBy(m => m.LastName).ThenBy(m => m.FirstName).ThenBy(m => m.Id);
        }
    }

    /// <summary>The staff directory, a page at a time.</summary>
    public static async Task<Results<Ok<StaffMemberPage>, ForbidHttpResult>> ListStaffMembers(
        [AsParameters] DirectoryFilter filter, ClaimsPrincipal user, StaffDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = 50)
    {
        if (!filter.AllowedFor(user)) return TypedResults.Forbid();
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, 200);
        var total = await filter.Apply(db.StaffMembers).CountAsync(cancellationToken);
        var members = await filter.Apply(db.StaffRecords.AsNoTracking())
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new StaffMemberPage(members.ConvertAll(StaffMemberResponse.From), total, page, pageSize));
    }

    public static async Task<Results<Ok<StaffMemberResponse>, NotFound, ForbidHttpResult>> GetStaffMember(
        Guid id, ClaimsPrincipal user, StaffDbContext db, CancellationToken cancellationToken)
    {
        var member = await db.StaffRecords.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null) return TypedResults.NotFound();
        if (!user.CanSeeStaffMember(member.Id, member.SchoolIdsInCharge(), member.AppraiserId)) return TypedResults.Forbid();
        return TypedResults.Ok(StaffMemberResponse.From(member));
    }

    /// <summary>A joiner: saved with their first contract, and announced to the other services.</summary>
    public static async Task<Results<Created<StaffMemberResponse>, ValidationProblem, ForbidHttpResult>> AddStaffMember(
        NewStaffMemberRequest request, ClaimsPrincipal user, StaffDbContext db, CancellationToken cancellationToken)
    {
        if (!user.LeadsSchool(request.SchoolId!.Value)) return TypedResults.Forbid();
        var email = request.WorkEmail.Trim().ToLowerInvariant();
        var employeeNumber = request.EmployeeNumber.Trim();
        var school = await db.Schools.FirstOrDefaultAsync(s => s.Id == request.SchoolId, cancellationToken);
        if (school is null)
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("schoolId", "There is no school with this id in the trust."));
        }
        if (await DuplicateOf(db, email, employeeNumber, cancellationToken) is { } duplicate)
        {
            return TypedResults.ValidationProblem(duplicate);
        }

        var member = new StaffMember
        {
            FirstName = request.FirstName.Trim(),
            LastName = request.LastName.Trim(),
            WorkEmail = email,
            EmployeeNumber = employeeNumber,
            StaffGroup = request.StaffGroup!.Value,
            JobTitle = request.JobTitle.Trim(),
        };
        var contract = new Contract
        {
            StaffMemberId = member.Id,
            SchoolId = school.Id,
            School = school,
            Fte = request.Fte ?? 1m,
            StartDate = request.StartDate!.Value,
        };
        member.Contracts.Add(contract);
        db.StaffMembers.Add(member);
        db.AddIntegrationEvent(new StaffMemberJoined(
            member.Id, member.FirstName, member.LastName, member.WorkEmail, member.EmployeeNumber,
            member.StaffGroup, member.JobTitle, school.Id, school.Name, contract.StartDate, DateTimeOffset.UtcNow));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(out _))
        {
            // Someone else took the email or number between the check and the save.
            db.ChangeTracker.Clear();
            return TypedResults.ValidationProblem(
                await DuplicateOf(db, email, employeeNumber, cancellationToken) ?? ProblemExtensions.FieldError("workEmail", "This person is already on the staff."));
        }
        return TypedResults.Created($"/api/staff/staff-members/{member.Id}", StaffMemberResponse.From(member));
    }

    /// <summary>
    /// Corrects a person's details. The caller sends the version it read: if someone else saved
    /// in between, the answer is 409 and nothing is overwritten.
    /// </summary>
    public static async Task<Results<Ok<StaffMemberResponse>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> UpdateDetails(
        Guid id, DetailsRequest request, ClaimsPrincipal user, StaffDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.StaffRecords.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null) return TypedResults.NotFound();
        if (!member.SchoolIdsInCharge().Any(user.LeadsSchool)) return TypedResults.Forbid();
        // Checked here as well as in the UPDATE, so an out-of-date edit is refused even when it changes nothing.
        if (request.Version != member.Version) return ProblemExtensions.StaleEdit($"{member.FirstName} {member.LastName}'s record");
        var email = request.WorkEmail.Trim().ToLowerInvariant();
        if (email != member.WorkEmail && await db.StaffMembers.AnyAsync(m => m.WorkEmail == email && m.Id != id, cancellationToken))
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("workEmail", $"{email} already belongs to someone on the staff."));
        }

        db.Entry(member).Property(m => m.Version).OriginalValue = request.Version!.Value;
        member.FirstName = request.FirstName.Trim();
        member.LastName = request.LastName.Trim();
        member.WorkEmail = email;
        member.StaffGroup = request.StaffGroup!.Value;
        member.JobTitle = request.JobTitle.Trim();
        member.EarlyCareer = request.EarlyCareer;
        db.AddIntegrationEvent(new StaffMemberDetailsChanged(member.Id, member.FirstName, member.LastName, member.WorkEmail, member.StaffGroup, member.JobTitle, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ProblemExtensions.StaleEdit($"{member.FirstName} {member.LastName}'s record");
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation(out _))
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("workEmail", $"{email} already belongs to someone on the staff."));
        }
        return TypedResults.Ok(StaffMemberResponse.From(member));
    }

    /// <summary>
    /// A leaver: their contracts end and every service is told, so their access ends at once.
    /// Their records stay. (A leaving date in the future waits for scheduled changes.)
    /// </summary>
    public static async Task<Results<Ok<StaffMemberResponse>, NotFound, ForbidHttpResult, ValidationProblem>> RecordLeaver(
        Guid id, LeaverRequest request, ClaimsPrincipal user, StaffDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var member = await db.StaffRecords.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null) return TypedResults.NotFound();
        if (!member.SchoolIdsInCharge().Any(user.LeadsSchool)) return TypedResults.Forbid();

        var leavingDate = request.LeavingDate!.Value;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (member.LeftOn is { } left)
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("leavingDate", $"{member.FirstName} {member.LastName} left on {left:d MMMM yyyy}."));
        }
        if (leavingDate > today)
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("leavingDate", "Record a leaver on or after their last day."));
        }
        if (member.Contracts.Count > 0 && leavingDate < member.Contracts.Min(c => c.StartDate))
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("leavingDate", "The leaving date is before they started."));
        }

        member.LeftOn = leavingDate;
        foreach (var contract in member.Contracts.Where(c => c.EndDate is null || c.EndDate > leavingDate)) contract.EndDate = leavingDate;
        db.AddIntegrationEvent(new StaffMemberLeft(member.Id, leavingDate, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(StaffMemberResponse.From(member));
    }

    private static async Task<Dictionary<string, string[]>?> DuplicateOf(
        StaffDbContext db, string email, string employeeNumber, CancellationToken cancellationToken)
    {
        if (await db.StaffMembers.AnyAsync(m => m.WorkEmail == email, cancellationToken))
        {
            return ProblemExtensions.FieldError("workEmail", $"{email} already belongs to someone on the staff.");
        }
        if (await db.StaffMembers.AnyAsync(m => m.EmployeeNumber == employeeNumber, cancellationToken))
        {
            return ProblemExtensions.FieldError("employeeNumber", $"Employee number {employeeNumber} already belongs to someone on the staff.");
        }
        return null;
    }
}
