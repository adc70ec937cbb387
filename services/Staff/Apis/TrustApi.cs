using System.ComponentModel.DataAnnotations;
using GLA.Contracts.Staff;
using GLA.ServiceDefaults.Messaging;
using GLA.Staff.Infrastructure;
using GLA.Staff.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Extensions.Hosting.AuthenticationExtensions;

namespace GLA.Staff.Apis;

/// <summary>The trust's own settings: its name, when its year starts, whether pay recommendations are used.</summary>
public static class TrustApi
{
    public static IEndpointRouteBuilder MapTrustApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff/trust").WithTags("Trust");
        api.MapGet("/", GetSettings).RequireAuthorization(Policies.Person);
        api.MapPut("/", UpdateSettings).RequireAuthorization(Policies.TrustAdmin);
        return app;
    }

    public sealed record TrustSettingsResponse(string TrustName, int AcademicYearStartMonth, int AcademicYearStartDay, bool PayRecommendationsUsed, uint Version)
    {
        public static TrustSettingsResponse From(TrustSettings settings) => new(
            settings.TrustName, settings.AcademicYearStartMonth, settings.AcademicYearStartDay, settings.PayRecommendationsUsed, settings.Version);
    }

    public sealed record TrustSettingsRequest(
        [property: Required, StringLength(200, MinimumLength = 1)] string TrustName,
        [property: Required, Range(1, 12, ErrorMessage = "The month is 1 (January) to 12 (December).")] int? AcademicYearStartMonth,
        [property: Required, Range(1, 31, ErrorMessage = "The day is 1 to 31.")] int? AcademicYearStartDay,
        [property: Required] bool? PayRecommendationsUsed,
        [property: Required(ErrorMessage = "Send the version you read, so a change made since is not overwritten.")] uint? Version);

    public static async Task<Ok<TrustSettingsResponse>> GetSettings(StaffDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(TrustSettingsResponse.From(await db.TrustSettings.AsNoTracking().SingleAsync(cancellationToken)));

    public static async Task<Results<Ok<TrustSettingsResponse>, ValidationProblem, ProblemHttpResult>> UpdateSettings(
        TrustSettingsRequest request, StaffDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (month, day) = (request.AcademicYearStartMonth!.Value, request.AcademicYearStartDay!.Value);
        if (day > DateTime.DaysInMonth(2001, month)) // a year without 29 February: the start must exist every year
        {
            return TypedResults.ValidationProblem(ProblemExtensions.FieldError("academicYearStartDay", "That day does not exist in that month every year."));
        }
        var settings = await db.TrustSettings.SingleAsync(cancellationToken);
        if (request.Version != settings.Version) return ProblemExtensions.StaleEdit("The trust's settings");
        db.Entry(settings).Property(s => s.Version).OriginalValue = request.Version!.Value;
        settings.TrustName = request.TrustName.Trim();
        settings.AcademicYearStartMonth = month;
        settings.AcademicYearStartDay = day;
        settings.PayRecommendationsUsed = request.PayRecommendationsUsed!.Value;
        db.AddIntegrationEvent(new TrustSettingsChanged(settings.TrustName, month, day, settings.PayRecommendationsUsed, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ProblemExtensions.StaleEdit("The trust's settings");
        }
        return TypedResults.Ok(TrustSettingsResponse.From(settings));
    }
}
