using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GLA.Tests.EndToEnd;

namespace GLA.Tests.Staff;

/// <summary>Editing a staff record and the trust's settings: stale edits are refused, changes reach every service.</summary>
public sealed class StaffRecordTests(SystemFixture system)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static object Edit(JsonNode record, string lastName, string email) => new
    {
        firstName = (string)record["firstName"]!, lastName, workEmail = email, staffGroup = "Support", jobTitle = "Cover supervisor",
        earlyCareer = false, version = (uint)record["version"]!,
    };

    [Fact]
    public async Task A_corrected_name_and_email_reach_every_service_and_the_sign_in()
    {
        var school = (await system.Gateway.CreateSchoolAsync()).Id();
        var person = await Identity.People.AddAsync(system, "Renamed", school);
        var record = await system.Gateway.GetFromJsonAsync<JsonNode>($"/api/staff/staff-members/{person.StaffMemberId}", Cancel);
        var newEmail = $"renamed.{Guid.NewGuid():N}@schools.example";

        var response = await system.Gateway.PutAsJsonAsync($"/api/staff/staff-members/{person.StaffMemberId}", Edit(record!, "Married-Name", newEmail), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonNode>(Cancel);
        Assert.Equal("Support", (string)saved!["staffGroup"]!);
        Assert.NotEqual((uint)record!["version"]!, (uint)saved["version"]!);
        foreach (var service in new[] { "appraisal", "training", "evidence" })
        {
            await Eventually.TrueAsync(async () =>
            {
                var copy = await system.Gateway.GetFromJsonAsync<JsonNode>($"/api/{service}/staff-members/{person.StaffMemberId}");
                return (string)copy!["lastName"]! == "Married-Name" && (string)copy["workEmail"]! == newEmail && (string)copy["staffGroup"]! == "Support";
            }, what: $"{service} to have the new details");
        }
        // The new address is the sign-in name now.
        await Eventually.TrueAsync(async () =>
        {
            try { await system.SignIn.SignInAsync(newEmail, SystemFixture.Password); return true; }
            catch (Identity.SignInFailedException) { return false; }
        }, what: "sign-in with the new email");
    }

    [Fact]
    public async Task An_edit_made_to_an_out_of_date_record_is_refused_and_loses_nothing()
    {
        var school = (await system.Gateway.CreateSchoolAsync()).Id();
        var person = await system.Gateway.AddStaffMemberAsync(school);
        var opened = await system.Gateway.GetFromJsonAsync<JsonNode>($"/api/staff/staff-members/{person.Id()}", Cancel);
        var email = (string)opened!["workEmail"]!;

        var first = await system.Gateway.PutAsJsonAsync($"/api/staff/staff-members/{person.Id()}", Edit(opened, "First-Edit", email), Cancel);
        var second = await system.Gateway.PutAsJsonAsync($"/api/staff/staff-members/{person.Id()}", Edit(opened, "Second-Edit", email), Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.Content.ReadFromJsonAsync<JsonNode>(Cancel);
        Assert.Contains("Reload", (string)problem!["detail"]!);
        var now = await system.Gateway.GetFromJsonAsync<JsonNode>($"/api/staff/staff-members/{person.Id()}", Cancel);
        Assert.Equal("First-Edit", (string)now!["lastName"]!);
    }

    [Fact]
    public async Task Trust_settings_are_changed_by_the_admin_with_the_version_they_read()
    {
        var before = await system.Gateway.GetFromJsonAsync<JsonNode>("/api/staff/trust", Cancel);
        object Settings(string name, bool pay, uint version) => new
        {
            trustName = name, academicYearStartMonth = 9, academicYearStartDay = 1, payRecommendationsUsed = pay, version,
        };

        var changed = await system.Gateway.PutAsJsonAsync("/api/staff/trust", Settings("Ashgrove Learning Trust", true, (uint)before!["version"]!), Cancel);
        var stale = await system.Gateway.PutAsJsonAsync("/api/staff/trust", Settings("Overwritten", false, (uint)before["version"]!), Cancel);
        var impossible = await system.Gateway.PutAsJsonAsync("/api/staff/trust", new
        {
            trustName = "", academicYearStartMonth = 13, academicYearStartDay = 1, payRecommendationsUsed = true, version = 1,
        }, Cancel);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, impossible.StatusCode);
        var after = await system.Gateway.GetFromJsonAsync<JsonNode>("/api/staff/trust", Cancel);
        Assert.Equal("Ashgrove Learning Trust", (string)after!["trustName"]!);
        Assert.True((bool)after["payRecommendationsUsed"]!);
    }
}
