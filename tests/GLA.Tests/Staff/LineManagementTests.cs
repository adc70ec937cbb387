using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GLA.ServiceDefaults.Security;
using GLA.Tests.EndToEnd;
using GLA.Tests.Identity;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GLA.Tests.Staff;

/// <summary>Who appraises whom: set by a school leader, kept with its history, and it opens the appraisee's records to the appraiser.</summary>
public sealed class LineManagementTests(SystemFixture system)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static IEnumerable<string> RolesIn(string accessToken) =>
        new JsonWebToken(accessToken).Claims.Where(c => c.Type == GlaClaims.Role).Select(c => c.Value);

    private async Task<HttpResponseMessage> AssignAsync(HttpClient client, Guid appraisee, Guid? appraiser, string from) =>
        await client.PutAsJsonAsync($"/api/staff/staff-members/{appraisee}/appraiser", new { appraiserId = appraiser, from }, Cancel);

    [Fact]
    public async Task An_appraiser_is_assigned_sees_their_appraisee_and_loses_the_role_when_unassigned()
    {
        var school = (await system.Gateway.CreateSchoolAsync()).Id();
        var leader = await People.AddAsync(system, "Head", school, GlaRoles.SchoolLeader);
        var appraisee = await People.AddAsync(system, "Appraisee", school);
        var appraiser = await People.AddAsync(system, "Mentor", school);
        var bystander = await People.AddAsync(system, "Bystander", school);
        Assert.Equal(HttpStatusCode.Forbidden, (await appraiser.Client.GetAsync($"/api/staff/staff-members/{appraisee.StaffMemberId}", Cancel)).StatusCode);

        var assigned = await AssignAsync(leader.Client, appraisee.StaffMemberId, appraiser.StaffMemberId, "2026-09-01");

        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var record = await assigned.Content.ReadFromJsonAsync<JsonNode>(Cancel);
        Assert.Equal(appraiser.StaffMemberId.ToString(), (string)record!["appraiserId"]!);
        // The appraiser's next token says so, and opens the appraisee's records (and only theirs).
        var token = await Eventually.GetAsync(async () =>
        {
            var tokens = await system.SignIn.SignInAsync(appraiser.Email, SystemFixture.Password);
            return RolesIn(tokens.AccessToken).Contains(GlaRoles.Appraiser) ? tokens.AccessToken : null;
        }, what: "the appraiser role in the appraiser's token");
        using var asAppraiser = system.ClientWith(token);
        Assert.Equal(HttpStatusCode.OK, (await asAppraiser.GetAsync($"/api/staff/staff-members/{appraisee.StaffMemberId}", Cancel)).StatusCode);
        await Eventually.TrueAsync(async () => (await asAppraiser.GetAsync($"/api/appraisal/staff-members/{appraisee.StaffMemberId}")).IsSuccessStatusCode,
            what: "Appraisal to let the appraiser see their appraisee");
        Assert.Equal(HttpStatusCode.Forbidden, (await asAppraiser.GetAsync($"/api/staff/staff-members/{bystander.StaffMemberId}", Cancel)).StatusCode);

        var unassigned = await AssignAsync(leader.Client, appraisee.StaffMemberId, null, "2027-01-01");

        var history = (await unassigned.Content.ReadFromJsonAsync<JsonNode>(Cancel))!["appraiserHistory"]!.AsArray();
        Assert.Equal(2, history.Count);
        Assert.Equal("2027-01-01", (string)history[0]!["to"]!);
        Assert.Null(history[1]!["appraiserId"]);
        await Eventually.TrueAsync(async () =>
            !RolesIn((await system.SignIn.SignInAsync(appraiser.Email, SystemFixture.Password)).AccessToken).Contains(GlaRoles.Appraiser),
            what: "the appraiser role to go with the last appraisee");
    }

    [Fact]
    public async Task Impossible_line_management_is_refused_with_the_field_named()
    {
        var school = (await system.Gateway.CreateSchoolAsync()).Id();
        var person = await system.Gateway.AddStaffMemberAsync(school);

        var self = await AssignAsync(system.Gateway, person.Id(), person.Id(), "2026-09-01");
        var nobody = await AssignAsync(system.Gateway, person.Id(), Guid.NewGuid(), "2026-09-01");
        var noDate = await system.Gateway.PutAsJsonAsync($"/api/staff/staff-members/{person.Id()}/appraiser", new { appraiserId = (Guid?)null }, Cancel);

        foreach (var (response, field) in new[] { (self, "appraiserId"), (nobody, "appraiserId"), (noDate, "from") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonNode>(Cancel);
            Assert.Contains(problem!["errors"]!.AsObject(), e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase));
        }
    }
}
