using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GLA.Tests.EndToEnd;

/// <summary>The first slice, end to end through the gateway: a joiner reaches every service.</summary>
public sealed class JoinerSliceTests(SystemFixture system)
{
    private readonly HttpClient _gateway = system.Gateway;

    [Fact]
    public async Task Gateway_health_reports_every_service_healthy()
    {
        var response = await _gateway.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken);
        Assert.Equal("Healthy", (string)health!["status"]!);
        foreach (var service in new[] { "staff", "appraisal", "training", "evidence" })
        {
            Assert.Equal("Healthy", (string)health["checks"]![service]!["status"]!);
        }
    }

    [Fact]
    public async Task Staff_member_joining_is_visible_in_appraisal_training_and_evidence()
    {
        var school = await _gateway.CreateSchoolAsync("Oakfield Academy");
        var joiner = await _gateway.AddStaffMemberAsync(school.Id());

        Assert.Equal("Teaching", (string)joiner["staffGroup"]!);
        Assert.Equal("Oakfield Academy", (string)joiner["contracts"]![0]!["schoolName"]!);
        foreach (var service in new[] { "appraisal", "training", "evidence" })
        {
            var copy = await Eventually.GetAsync(async () =>
            {
                var response = await _gateway.GetAsync($"/api/{service}/staff-members/{joiner.Id()}");
                return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonNode>() : null;
            }, what: $"{service} to hold the joiner");
            Assert.Equal((string)joiner["lastName"]!, (string)copy["lastName"]!);
            Assert.Equal((string)joiner["workEmail"]!, (string)copy["workEmail"]!);
            Assert.Equal(school.Id().ToString(), (string)copy["schoolId"]!);
            Assert.Equal("Oakfield Academy", (string)copy["schoolName"]!);
            Assert.Equal("Teaching", (string)copy["staffGroup"]!);
        }
    }

    [Fact]
    public async Task Created_school_and_staff_member_can_be_read_back()
    {
        var school = await _gateway.CreateSchoolAsync();
        var joiner = await _gateway.AddStaffMemberAsync(school.Id());

        var readSchool = await _gateway.GetFromJsonAsync<JsonNode>($"/api/staff/schools/{school.Id()}", TestContext.Current.CancellationToken);
        var readMember = await _gateway.GetFromJsonAsync<JsonNode>($"/api/staff/staff-members/{joiner.Id()}", TestContext.Current.CancellationToken);
        var listed = await _gateway.GetFromJsonAsync<JsonNode>($"/api/staff/staff-members?schoolId={school.Id()}", TestContext.Current.CancellationToken);

        Assert.Equal((string)school["urn"]!, (string)readSchool!["urn"]!);
        Assert.Equal(0.8m, (decimal)readMember!["contracts"]![0]!["fte"]!);
        Assert.Equal(1, (int)listed!["total"]!);
        Assert.Equal(joiner.Id().ToString(), (string)listed["items"]![0]!["id"]!);
    }
}
