using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;

namespace GLA.Web.Infrastructure;

/// <summary>Adds the signed-in person's access token to every call the web app makes to an API.</summary>
public sealed class AccessTokenHandler(IHttpContextAccessor http) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (http.HttpContext is { } context && await context.GetTokenAsync("access_token") is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>What an API said was wrong (RFC 9457), ready to show beside the fields it names.</summary>
public sealed record ApiProblem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The messages for one field, whatever case the API used for its name.</summary>
    public IEnumerable<string> For(string field) =>
        Errors.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value);

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var errors = body.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray())
                : [];
            return new ApiProblem(status,
                body.TryGetProperty("title", out var t) ? t.GetString() ?? "Something went wrong." : "Something went wrong.",
                body.TryGetProperty("detail", out var d) ? d.GetString() : null, errors);
        }
        catch (JsonException)
        {
            return new ApiProblem(status, status switch
            {
                403 => "You do not have access to that.",
                404 => "That could not be found.",
                429 => "Too many requests: please wait a moment.",
                _ => "Something went wrong. Please try again.",
            }, null, new Dictionary<string, string[]>());
        }
    }
}

/// <summary>The GLA APIs as the web app reads them, through the gateway like any other client.</summary>
public sealed class GatewayApi(HttpClient http)
{
    public sealed record School(Guid Id, string Name, string Urn, string Phase, string? LocalAuthority);
    public sealed record Contract(Guid SchoolId, string SchoolName, decimal Fte, DateOnly StartDate, DateOnly? EndDate);
    public sealed record AppraiserPeriod(Guid? AppraiserId, DateOnly From, DateOnly? To);
    public sealed record StaffMember(
        Guid Id, string FirstName, string LastName, string WorkEmail, string EmployeeNumber, string StaffGroup, string JobTitle,
        bool EarlyCareer, IReadOnlyList<Contract> Contracts, DateOnly? LeftOn, Guid? AppraiserId, IReadOnlyList<AppraiserPeriod> AppraiserHistory, uint Version)
    {
        public string Name => $"{FirstName} {LastName}";
    }
    public sealed record StaffPage(IReadOnlyList<StaffMember> Items, int Total, int Page, int PageSize);
    public sealed record ImportError(int Line, string Reason);
    public sealed record Import(
        Guid Id, string FileName, string Status, int TotalRows, int RowsDone, int Percent, int Created, int Updated, int Unchanged,
        IReadOnlyList<ImportError> Errors);

    public async Task<IReadOnlyList<School>> MySchoolsAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<School>>("/api/staff/schools", cancellationToken) ?? [];

    public Task<(School? School, ApiProblem? Problem)> CreateSchoolAsync(object school, CancellationToken cancellationToken) =>
        SendAsync<School>(new HttpRequestMessage(HttpMethod.Post, "/api/staff/schools") { Content = JsonContent.Create(school) }, cancellationToken);

    public Task<(StaffPage? Page, ApiProblem? Problem)> StaffAsync(string query, CancellationToken cancellationToken) =>
        SendAsync<StaffPage>(new HttpRequestMessage(HttpMethod.Get, "/api/staff/staff-members?" + query), cancellationToken);

    public Task<(StaffMember? Member, ApiProblem? Problem)> StaffMemberAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<StaffMember>(new HttpRequestMessage(HttpMethod.Get, $"/api/staff/staff-members/{id}"), cancellationToken);

    public Task<(StaffMember? Member, ApiProblem? Problem)> RecordLeaverAsync(Guid id, DateOnly? leavingDate, CancellationToken cancellationToken) =>
        SendAsync<StaffMember>(new HttpRequestMessage(HttpMethod.Post, $"/api/staff/staff-members/{id}/leave") { Content = JsonContent.Create(new { leavingDate }) }, cancellationToken);

    public Task<(StaffMember? Member, ApiProblem? Problem)> AddJoinerAsync(object joiner, CancellationToken cancellationToken) =>
        SendAsync<StaffMember>(new HttpRequestMessage(HttpMethod.Post, "/api/staff/staff-members") { Content = JsonContent.Create(joiner) }, cancellationToken);

    public sealed record TrustSettings(string TrustName, int AcademicYearStartMonth, int AcademicYearStartDay, bool PayRecommendationsUsed, uint Version);

    public Task<(TrustSettings? Settings, ApiProblem? Problem)> TrustSettingsAsync(CancellationToken cancellationToken) =>
        SendAsync<TrustSettings>(new HttpRequestMessage(HttpMethod.Get, "/api/staff/trust"), cancellationToken);

    public Task<(TrustSettings? Settings, ApiProblem? Problem)> UpdateTrustSettingsAsync(TrustSettings settings, CancellationToken cancellationToken) =>
        SendAsync<TrustSettings>(new HttpRequestMessage(HttpMethod.Put, "/api/staff/trust") { Content = JsonContent.Create(settings) }, cancellationToken);

    public Task<(StaffMember? Member, ApiProblem? Problem)> UpdateDetailsAsync(Guid id, object details, CancellationToken cancellationToken) =>
        SendAsync<StaffMember>(new HttpRequestMessage(HttpMethod.Put, $"/api/staff/staff-members/{id}") { Content = JsonContent.Create(details) }, cancellationToken);

    public Task<(StaffMember? Member, ApiProblem? Problem)> MoveAsync(Guid id, Guid? toSchoolId, DateOnly? date, CancellationToken cancellationToken) =>
        SendAsync<StaffMember>(new HttpRequestMessage(HttpMethod.Post, $"/api/staff/staff-members/{id}/move") { Content = JsonContent.Create(new { toSchoolId, date }) }, cancellationToken);

    public Task<(StaffMember? Member, ApiProblem? Problem)> AssignAppraiserAsync(Guid id, Guid? appraiserId, DateOnly? from, CancellationToken cancellationToken) =>
        SendAsync<StaffMember>(new HttpRequestMessage(HttpMethod.Put, $"/api/staff/staff-members/{id}/appraiser") { Content = JsonContent.Create(new { appraiserId, from }) }, cancellationToken);

    public Task<HttpResponseMessage> ExportAsync(string query, CancellationToken cancellationToken) =>
        http.GetAsync("/api/staff/staff-members/export?" + query, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public Task<(Import? Import, ApiProblem? Problem)> UploadImportAsync(Stream file, string fileName, CancellationToken cancellationToken)
    {
        var form = new MultipartFormDataContent { { new StreamContent(file), "file", fileName } };
        return SendAsync<Import>(new HttpRequestMessage(HttpMethod.Post, "/api/staff/imports") { Content = form }, cancellationToken);
    }

    public Task<(Import? Import, ApiProblem? Problem)> ImportAsync(Guid id, CancellationToken cancellationToken) =>
        SendAsync<Import>(new HttpRequestMessage(HttpMethod.Get, $"/api/staff/imports/{id}"), cancellationToken);

    public async Task SignOutEverywhereAsync(CancellationToken cancellationToken) =>
        (await http.PostAsync("/api/identity/me/sign-out-everywhere", null, cancellationToken)).EnsureSuccessStatusCode();

    private async Task<(T?, ApiProblem?)> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<T>(cancellationToken), null)
            : (default, await ApiProblem.ReadAsync(response, cancellationToken));
    }
}
