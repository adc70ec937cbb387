using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace GLA.Tests.EndToEnd;

/// <summary>A user's mistake gets RFC 9457 problem details naming the field, never a 500, and saves nothing.</summary>
public sealed class BadInputTests(SystemFixture system)
{
    private readonly HttpClient _gateway = system.Gateway;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>(Cancel))!;
        Assert.Equal((int)expected, (int)problem["status"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
        return problem;
    }

    private static string[] ErrorFields(JsonNode problem) =>
        problem["errors"]!.AsObject().Select(e => e.Key.ToLowerInvariant()).Order().ToArray();

    [Fact]
    public async Task School_with_missing_name_and_bad_urn_gets_field_errors()
    {
        var response = await _gateway.PostAsJsonAsync("/api/staff/schools", new { name = "", urn = "12a" }, Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["name", "phase", "urn"], ErrorFields(problem));
        Assert.Contains("six-digit", (string)problem["errors"]!["Urn"]![0]!);
    }

    [Fact]
    public async Task Malformed_json_gets_bad_request_not_server_error()
    {
        var response = await _gateway.PostAsync("/api/staff/schools", new StringContent("{name: oops", Encoding.UTF8, "application/json"), Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Unknown_option_names_the_field()
    {
        var response = await _gateway.PostAsJsonAsync("/api/staff/schools", new { name = "X", urn = Api.NextUrn(), phase = "Boarding" }, Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["phase"], ErrorFields(problem));
    }

    [Fact]
    public async Task Second_school_with_the_same_urn_is_refused_and_not_saved()
    {
        var first = await _gateway.CreateSchoolAsync("First");
        var response = await _gateway.PostAsJsonAsync("/api/staff/schools", new { name = "Second", urn = (string)first["urn"]!, phase = "Primary" }, Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["urn"], ErrorFields(problem));
        var schools = await _gateway.GetFromJsonAsync<JsonArray>("/api/staff/schools", Cancel);
        Assert.Single(schools!, s => (string)s!["urn"]! == (string)first["urn"]!);
    }

    [Fact]
    public async Task Joiner_at_an_unknown_school_is_refused()
    {
        var response = await _gateway.PostAsJsonAsync("/api/staff/staff-members", Api.NewStaffMember(Guid.NewGuid()), Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["schoolid"], ErrorFields(problem));
    }

    [Fact]
    public async Task Joiner_with_a_taken_email_is_refused_and_announces_nothing()
    {
        var school = await _gateway.CreateSchoolAsync();
        var first = await _gateway.AddStaffMemberAsync(school.Id());
        await using var staffDb = system.Database("staffdb");
        await using var countEvents = staffDb.CreateCommand("SELECT count(*) FROM outbox_messages");
        var eventsBefore = (long)(await countEvents.ExecuteScalarAsync(Cancel))!;

        var response = await _gateway.PostAsJsonAsync("/api/staff/staff-members",
            Api.NewStaffMember(school.Id(), email: ((string)first["workEmail"]!).ToUpperInvariant()), Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["workemail"], ErrorFields(problem));
        Assert.Equal(eventsBefore, (long)(await countEvents.ExecuteScalarAsync(Cancel))!);
    }

    [Fact]
    public async Task Joiner_with_missing_fields_gets_every_field_named()
    {
        var response = await _gateway.PostAsJsonAsync("/api/staff/staff-members", new { firstName = "Ada", fte = 2 }, Cancel);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["employeenumber", "fte", "jobtitle", "lastname", "schoolid", "staffgroup", "startdate", "workemail"], ErrorFields(problem));
    }

    [Fact]
    public async Task Unknown_staff_member_is_not_found_in_every_service()
    {
        foreach (var path in new[] { "staff/staff-members", "appraisal/staff-members", "training/staff-members", "evidence/staff-members" })
        {
            var response = await _gateway.GetAsync($"/api/{path}/{Guid.NewGuid()}", Cancel);
            await ProblemAsync(response, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Gateway_refuses_a_body_over_its_size_cap()
    {
        var body = new ByteArrayContent(new byte[11 * 1024 * 1024]);
        body.Headers.ContentType = new("application/json");
        // As browsers and good clients do with large bodies: ask first, so the refusal arrives before the upload.
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/schools") { Content = body };
        request.Headers.ExpectContinue = true;

        var response = await _gateway.SendAsync(request, Cancel);

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
