using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GLA.ServiceDefaults.Security;
using GLA.Tests.EndToEnd;
using GLA.Tests.Identity;
using Microsoft.IdentityModel.JsonWebTokens;

namespace GLA.Tests.Staff;

/// <summary>A mover keeps one record; their schools, and who looks after them, follow the move.</summary>
public sealed class MoverTests(SystemFixture system)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_move_ends_the_old_contract_starts_the_new_and_reaches_every_service_and_the_token()
    {
        var from = (await system.Gateway.CreateSchoolAsync("Hollybrook Infants")).Id();
        var to = (await system.Gateway.CreateSchoolAsync("Hollybrook Juniors")).Id();
        var oldLeader = await People.AddAsync(system, "OldHead", from, GlaRoles.SchoolLeader);
        var mover = await People.AddAsync(system, "Mover", from);

        var response = await system.Gateway.PostAsJsonAsync($"/api/staff/staff-members/{mover.StaffMemberId}/move",
            new { toSchoolId = to, date = "2026-11-02" }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contracts = (await response.Content.ReadFromJsonAsync<JsonNode>(Cancel))!["contracts"]!.AsArray();
        Assert.Equal([("Hollybrook Infants", "2026-11-01"), ("Hollybrook Juniors", (string?)null)],
            contracts.Select(c => ((string)c!["schoolName"]!, (string?)c["endDate"])));
        await Eventually.TrueAsync(async () =>
            (string)(await system.Gateway.GetFromJsonAsync<JsonNode>($"/api/evidence/staff-members/{mover.StaffMemberId}"))!["schoolName"]! == "Hollybrook Juniors",
            what: "Evidence to follow the move");
        await Eventually.TrueAsync(async () =>
        {
            var token = new JsonWebToken((await system.SignIn.SignInAsync(mover.Email, SystemFixture.Password)).AccessToken);
            var schools = token.Claims.Where(c => c.Type == GlaClaims.School).Select(c => Guid.Parse(c.Value)).ToList();
            return schools.SequenceEqual([to]);
        }, what: "the mover's token to name only the new school");
        // The old school's leader no longer looks after them.
        Assert.Equal(HttpStatusCode.Forbidden, (await oldLeader.Client.GetAsync($"/api/staff/staff-members/{mover.StaffMemberId}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_move_to_the_same_school_or_the_future_is_refused()
    {
        var school = (await system.Gateway.CreateSchoolAsync()).Id();
        var person = await system.Gateway.AddStaffMemberAsync(school);

        var same = await system.Gateway.PostAsJsonAsync($"/api/staff/staff-members/{person.Id()}/move", new { toSchoolId = school, date = "2026-10-01" }, Cancel);
        var future = await system.Gateway.PostAsJsonAsync($"/api/staff/staff-members/{person.Id()}/move",
            new { toSchoolId = (await system.Gateway.CreateSchoolAsync()).Id(), date = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd") }, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.Contains("already work", await same.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("on or after the day", await future.Content.ReadAsStringAsync(Cancel));
    }
}
