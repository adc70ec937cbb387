using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GLA.Tests.EndToEnd;

namespace GLA.Tests.Staff;

public sealed class SchoolTests(SystemFixture system)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_school_keeps_its_address_and_the_sites_it_works_from()
    {
        var response = await system.Gateway.PostAsJsonAsync("/api/staff/schools", new
        {
            name = "Riverside Academy", urn = Api.NextUrn(), phase = "Secondary", localAuthority = "Bradford",
            address = "1 Canal Road\nShipley\nBD18 1AA",
        }, Cancel);
        var school = (await response.Content.ReadFromJsonAsync<JsonNode>(Cancel))!;
        Assert.Equal("1 Canal Road\nShipley\nBD18 1AA", (string)school["address"]!);

        var sixthForm = await system.Gateway.PostAsJsonAsync($"/api/staff/schools/{school.Id()}/sites", new { name = "Sixth Form Centre", address = "Market Street" }, Cancel);
        var main = await system.Gateway.PostAsJsonAsync($"/api/staff/schools/{school.Id()}/sites", new { name = "Main site" }, Cancel);
        var again = await system.Gateway.PostAsJsonAsync($"/api/staff/schools/{school.Id()}/sites", new { name = "main SITE" }, Cancel);

        Assert.Equal(HttpStatusCode.Created, sixthForm.StatusCode);
        Assert.Equal(HttpStatusCode.Created, main.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var sites = await system.Gateway.GetFromJsonAsync<JsonArray>($"/api/staff/schools/{school.Id()}/sites", Cancel);
        Assert.Equal(["Main site", "Sixth Form Centre"], sites!.Select(s => (string)s!["name"]!));
    }
}
