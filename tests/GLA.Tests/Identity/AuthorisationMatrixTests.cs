using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GLA.AppHost.Hosting;
using GLA.Tests.EndToEnd;

namespace GLA.Tests.Identity;

/// <summary>
/// Every API endpoint × every kind of caller × their own record, a colleague's, another
/// school's → the status each must get, through the gateway with real tokens. The endpoint
/// list comes from the services' own OpenAPI documents, so a new endpoint without a row here
/// fails the first test.
/// </summary>
public sealed class AuthorisationMatrixTests(SystemFixture system, People people) : IClassFixture<People>
{
    public enum Caller { Anonymous, Teacher, Leader, TrustLeader, Admin, Provider }

    private sealed record Case(string Target, Func<Caller, HttpRequestMessage> Request, int[] Expected);

    private static readonly string[] Services = ["staff", "appraisal", "training", "evidence", "identity"];

    // Expected statuses in Caller order: anonymous, teacher (A), leader (A), trust leader, admin, provider.
    private static int[] E(params int[] statuses) => statuses;

    private HttpClient ClientFor(Caller caller) => caller switch
    {
        Caller.Anonymous => people.Anonymous,
        Caller.Teacher => people.TeacherA.Client,
        Caller.Leader => people.LeaderA.Client,
        Caller.TrustLeader => people.TrustLeader.Client,
        Caller.Admin => people.Admin,
        _ => people.Provider,
    };

    /// <summary>The caller's own staff record (the admin and machines have none: a teacher's stands in).</summary>
    private Guid Own(Caller caller) => caller switch
    {
        Caller.Leader => people.LeaderA.StaffMemberId,
        Caller.TrustLeader => people.TrustLeader.StaffMemberId,
        _ => people.TeacherA.StaffMemberId,
    };

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Send(HttpMethod method, string path, object body) =>
        new(method, path) { Content = JsonContent.Create(body) };

    private object NewJoiner(Guid school) => Api.NewStaffMember(school);

    private static object StaleEdit(People.Person person) => new
    {
        firstName = person.Name, lastName = "Tester", workEmail = person.Email, staffGroup = "Teaching", jobTitle = "Teacher", earlyCareer = false, version = 1,
    };

    private static object Tomorrow => new { leavingDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)).ToString("yyyy-MM-dd") };

    private Dictionary<string, Case[]> Matrix()
    {
        var (a, b) = (people.SchoolA, people.SchoolB);
        Case[] ReadPerson(string service, int provider) =>
        [
            new("own", c => Get($"/api/{service}/staff-members/{Own(c)}"), E(401, 200, 200, 200, 200, provider)),
            new("colleague", _ => Get($"/api/{service}/staff-members/{people.ColleagueA.StaffMemberId}"), E(401, 403, 200, 200, 200, provider)),
            new("other school", _ => Get($"/api/{service}/staff-members/{people.TeacherB.StaffMemberId}"), E(401, 403, 403, 200, 200, provider)),
        ];
        return new()
        {
            ["GET /api/staff/schools"] = [new("their schools", _ => Get("/api/staff/schools"), E(401, 200, 200, 200, 200, 401))],
            ["GET /api/staff/schools/{id}"] =
            [
                new("own school", _ => Get($"/api/staff/schools/{a}"), E(401, 200, 200, 200, 200, 401)),
                new("other school", _ => Get($"/api/staff/schools/{b}"), E(401, 403, 403, 200, 200, 401)),
            ],
            ["GET /api/staff/schools/{id}/sites"] =
            [
                new("own school", _ => Get($"/api/staff/schools/{a}/sites"), E(401, 200, 200, 200, 200, 401)),
                new("other school", _ => Get($"/api/staff/schools/{b}/sites"), E(401, 403, 403, 200, 200, 401)),
            ],
            ["POST /api/staff/schools/{id}/sites"] =
            [
                new("own school", _ => Send(HttpMethod.Post, $"/api/staff/schools/{a}/sites", new { name = "Site " + Guid.NewGuid() }), E(401, 403, 201, 403, 201, 401)),
                new("other school", _ => Send(HttpMethod.Post, $"/api/staff/schools/{b}/sites", new { name = "Site " + Guid.NewGuid() }), E(401, 403, 403, 403, 201, 401)),
            ],
            ["POST /api/staff/schools"] =
            [
                new("new school", _ => Send(HttpMethod.Post, "/api/staff/schools", new { name = "Matrix School", urn = Api.NextUrn(), phase = "Primary" }),
                    E(401, 403, 403, 403, 201, 401)),
            ],
            ["GET /api/staff/staff-members"] =
            [
                new("own school", _ => Get($"/api/staff/staff-members?schoolId={a}"), E(401, 403, 200, 200, 200, 401)),
                new("other school", _ => Get($"/api/staff/staff-members?schoolId={b}"), E(401, 403, 403, 200, 200, 401)),
                new("whole trust", _ => Get("/api/staff/staff-members"), E(401, 403, 403, 200, 200, 401)),
            ],
            ["GET /api/staff/staff-members/{id}"] = ReadPerson("staff", 401),
            ["GET /api/staff/staff-members/export"] =
            [
                new("own school", _ => Get($"/api/staff/staff-members/export?schoolId={a}"), E(401, 403, 200, 200, 200, 401)),
                new("other school", _ => Get($"/api/staff/staff-members/export?schoolId={b}"), E(401, 403, 403, 200, 200, 401)),
                new("whole trust", _ => Get("/api/staff/staff-members/export"), E(401, 403, 403, 200, 200, 401)),
            ],
            ["POST /api/staff/staff-members"] =
            [
                new("own school", _ => Send(HttpMethod.Post, "/api/staff/staff-members", NewJoiner(a)), E(401, 403, 201, 403, 201, 401)),
                new("other school", _ => Send(HttpMethod.Post, "/api/staff/staff-members", NewJoiner(b)), E(401, 403, 403, 403, 201, 401)),
            ],
            // An upload with no file is refused after the access check, so the matrix imports nothing.
            ["POST /api/staff/imports"] =
            [
                new("no file", _ => new HttpRequestMessage(HttpMethod.Post, "/api/staff/imports") { Content = new MultipartFormDataContent() },
                    E(401, 403, 403, 403, 400, 401)),
            ],
            ["GET /api/staff/imports"] = [new("recent imports", _ => Get("/api/staff/imports"), E(401, 403, 403, 403, 200, 401))],
            ["GET /api/staff/imports/{id}"] = [new("unknown import", _ => Get($"/api/staff/imports/{Guid.NewGuid()}"), E(401, 403, 403, 403, 404, 401))],
            ["GET /api/staff/trust"] = [new("settings", _ => Get("/api/staff/trust"), E(401, 200, 200, 200, 200, 401))],
            // 30 February is refused after the access check, so the matrix changes no setting.
            ["PUT /api/staff/trust"] =
            [
                new("settings", _ => Send(HttpMethod.Put, "/api/staff/trust",
                    new { trustName = "Matrix Trust", academicYearStartMonth = 2, academicYearStartDay = 30, payRecommendationsUsed = false, version = 1 }),
                    E(401, 403, 403, 403, 400, 401)),
            ],
            // An out-of-date version is refused after the access check, so the matrix edits nobody.
            ["PUT /api/staff/staff-members/{id}"] =
            [
                new("colleague", _ => Send(HttpMethod.Put, $"/api/staff/staff-members/{people.ColleagueA.StaffMemberId}", StaleEdit(people.ColleagueA)),
                    E(401, 403, 409, 403, 409, 401)),
                new("other school", _ => Send(HttpMethod.Put, $"/api/staff/staff-members/{people.TeacherB.StaffMemberId}", StaleEdit(people.TeacherB)),
                    E(401, 403, 403, 403, 409, 401)),
            ],
            // Appraising oneself is refused after the access check, so the matrix changes nobody's line manager.
            ["PUT /api/staff/staff-members/{id}/appraiser"] =
            [
                new("colleague", _ => Send(HttpMethod.Put, $"/api/staff/staff-members/{people.ColleagueA.StaffMemberId}/appraiser",
                    new { appraiserId = people.ColleagueA.StaffMemberId, from = "2026-09-01" }), E(401, 403, 400, 403, 400, 401)),
                new("other school", _ => Send(HttpMethod.Put, $"/api/staff/staff-members/{people.TeacherB.StaffMemberId}/appraiser",
                    new { appraiserId = people.TeacherB.StaffMemberId, from = "2026-09-01" }), E(401, 403, 403, 403, 400, 401)),
            ],
            // A move to a school that does not exist is refused after the access check, so the matrix moves nobody.
            ["POST /api/staff/staff-members/{id}/move"] =
            [
                new("colleague", _ => Send(HttpMethod.Post, $"/api/staff/staff-members/{people.ColleagueA.StaffMemberId}/move",
                    new { toSchoolId = Guid.NewGuid(), date = "2026-09-01" }), E(401, 403, 400, 403, 400, 401)),
                new("other school", _ => Send(HttpMethod.Post, $"/api/staff/staff-members/{people.TeacherB.StaffMemberId}/move",
                    new { toSchoolId = Guid.NewGuid(), date = "2026-09-01" }), E(401, 403, 403, 403, 400, 401)),
            ],
            // A leaving date in the future is refused after the access check, so the matrix changes nobody.
            ["POST /api/staff/staff-members/{id}/leave"] =
            [
                new("colleague", _ => Send(HttpMethod.Post, $"/api/staff/staff-members/{people.ColleagueA.StaffMemberId}/leave", Tomorrow),
                    E(401, 403, 400, 403, 400, 401)),
                new("other school", _ => Send(HttpMethod.Post, $"/api/staff/staff-members/{people.TeacherB.StaffMemberId}/leave", Tomorrow),
                    E(401, 403, 403, 403, 400, 401)),
            ],
            ["GET /api/appraisal/staff-members/{id}"] = ReadPerson("appraisal", 401),
            // The provider's token is for Training, so there it is known but not allowed.
            ["GET /api/training/staff-members/{id}"] = ReadPerson("training", 403),
            ["GET /api/evidence/staff-members/{id}"] = ReadPerson("evidence", 401),
            ["POST /api/identity/me/sign-out-everywhere"] =
            [
                new("themselves", _ => new HttpRequestMessage(HttpMethod.Post, "/api/identity/me/sign-out-everywhere"), E(401, 204, 204, 204, 204, 401)),
            ],
            ["GET /api/identity/accounts"] = [new("all accounts", _ => Get("/api/identity/accounts"), E(401, 403, 403, 403, 200, 401))],
            ["PUT /api/identity/accounts/{id}/roles"] =
            [
                new("colleague", _ => Send(HttpMethod.Put, $"/api/identity/accounts/{people.ColleagueA.AccountId}/roles", new { roles = Array.Empty<string>() }),
                    E(401, 403, 403, 403, 200, 401)),
            ],
            ["POST /api/identity/accounts/{id}/invitation"] =
            [
                new("colleague", _ => new HttpRequestMessage(HttpMethod.Post, $"/api/identity/accounts/{people.ColleagueA.AccountId}/invitation"),
                    E(401, 403, 403, 403, 204, 401)),
            ],
        };
    }

    [Fact]
    public async Task Every_endpoint_the_services_describe_has_a_row_in_the_matrix()
    {
        var described = new List<string>();
        using var http = new HttpClient();
        foreach (var service in Services)
        {
            var endpoint = system.App.Get<ProjectResource>(service).Endpoints[0];
            var document = await http.GetFromJsonAsync<JsonNode>($"{endpoint}/openapi/v1.json", TestContext.Current.CancellationToken);
            foreach (var (path, operations) in document!["paths"]!.AsObject())
            {
                described.AddRange(operations!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path}"));
            }
        }

        var matrix = Matrix().Keys.ToList();
        Assert.True(described.Count > 10, "The services describe too few endpoints: " + string.Join(", ", described));
        Assert.Empty(described.Except(matrix));   // an endpoint nobody decided the access to
        Assert.Empty(matrix.Except(described));   // a row for an endpoint that no longer exists
    }

    [Fact]
    public async Task Every_caller_gets_exactly_the_status_the_matrix_says()
    {
        var wrong = new List<string>();
        foreach (var (endpoint, cases) in Matrix())
        {
            foreach (var row in cases)
            {
                foreach (var caller in Enum.GetValues<Caller>())
                {
                    using var response = await ClientFor(caller).SendAsync(row.Request(caller), TestContext.Current.CancellationToken);
                    var expected = row.Expected[(int)caller];
                    if ((int)response.StatusCode != expected)
                    {
                        wrong.Add($"{endpoint} ({row.Target}) as {caller}: expected {expected}, got {(int)response.StatusCode}");
                    }
                }
            }
        }
        Assert.True(wrong.Count == 0, "Leaks or lock-outs:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_teacher_lists_only_the_schools_they_work_in()
    {
        var schools = await people.TeacherA.Client.GetFromJsonAsync<JsonArray>("/api/staff/schools", TestContext.Current.CancellationToken);

        Assert.Equal([people.SchoolA.ToString()], schools!.Select(s => (string)s!["id"]!));
    }

    [Fact]
    public async Task A_school_leader_lists_only_their_own_schools_staff()
    {
        var page = await people.LeaderA.Client.GetFromJsonAsync<JsonNode>($"/api/staff/staff-members?schoolId={people.SchoolA}&pageSize=200", TestContext.Current.CancellationToken);

        var schoolsSeen = page!["items"]!.AsArray().SelectMany(m => m!["contracts"]!.AsArray().Select(c => (string)c!["schoolId"]!)).Distinct();
        Assert.Equal([people.SchoolA.ToString()], schoolsSeen);
        Assert.Contains(page["items"]!.AsArray(), m => (string)m!["id"]! == people.ColleagueA.StaffMemberId.ToString());
    }
}
