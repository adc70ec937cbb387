using GLA.Web.Infrastructure;

namespace GLA.Web.Apis;

/// <summary>What the staff pages need beyond rendering: a CSV download and a file upload, passed on with the person's token.</summary>
public static class StaffEndpoints
{
    public static IEndpointRouteBuilder MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/staff/export", async (HttpContext context, GatewayApi api, CancellationToken cancellationToken) =>
        {
            using var response = await api.ExportAsync(context.Request.QueryString.Value?.TrimStart('?') ?? "", cancellationToken);
            if (!response.IsSuccessStatusCode) return Results.Redirect("/access-denied");
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return Results.File(bytes, "text/csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? "staff.csv");
        }).RequireAuthorization();

        // Binding the file makes ASP.NET check the form's anti-forgery token.
        app.MapPost("/imports/upload", async (IFormFile? file, GatewayApi api, CancellationToken cancellationToken) =>
        {
            if (file is null || file.Length == 0) return Results.Redirect("/imports?problem=" + Uri.EscapeDataString("Choose the CSV file your MIS exported."));
            await using var stream = file.OpenReadStream();
            var (import, problem) = await api.UploadImportAsync(stream, file.FileName, cancellationToken);
            return import is not null
                ? Results.Redirect($"/imports/{import.Id}")
                : Results.Redirect("/imports?problem=" + Uri.EscapeDataString(problem!.Errors.Values.SelectMany(e => e).FirstOrDefault() ?? problem.Title));
        }).RequireAuthorization();
        return app;
    }
}
