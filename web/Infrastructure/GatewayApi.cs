using System.Net.Http.Headers;
using System.Net.Http.Json;
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

/// <summary>The GLA APIs as the web app reads them, through the gateway like any other client.</summary>
public sealed class GatewayApi(HttpClient http)
{
    public sealed record School(Guid Id, string Name, string Urn, string Phase, string? LocalAuthority);

    public async Task<IReadOnlyList<School>> MySchoolsAsync(CancellationToken cancellationToken) =>
        await http.GetFromJsonAsync<List<School>>("/api/staff/schools", cancellationToken) ?? [];

    public async Task SignOutEverywhereAsync(CancellationToken cancellationToken) =>
        (await http.PostAsync("/api/identity/me/sign-out-everywhere", null, cancellationToken)).EnsureSuccessStatusCode();
}
