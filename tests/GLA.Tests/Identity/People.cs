using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GLA.ServiceDefaults.Security;
using GLA.Tests.EndToEnd;

namespace GLA.Tests.Identity;

/// <summary>
/// One person of each role across two schools, made the way a trust makes them: the admin
/// adds them in Staff, Identity invites them, they choose a password and sign in.
/// </summary>
public sealed class People(SystemFixture system) : IAsyncLifetime
{
    public sealed record Person(string Name, Guid StaffMemberId, Guid AccountId, string Email, HttpClient Client);

    public Guid SchoolA { get; private set; }
    public Guid SchoolB { get; private set; }
    public Person TeacherA { get; private set; } = null!;
    public Person ColleagueA { get; private set; } = null!;
    public Person TeacherB { get; private set; } = null!;
    public Person LeaderA { get; private set; } = null!;
    public Person TrustLeader { get; private set; } = null!;
    public HttpClient Admin => system.Gateway;
    public HttpClient Anonymous => system.Anonymous;
    public HttpClient Provider { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        SchoolA = (await Admin.CreateSchoolAsync("Ashgrove Primary")).Id();
        SchoolB = (await Admin.CreateSchoolAsync("Birchfield High")).Id();
        var people = await Task.WhenAll(
            AddAsync("teacher-a", SchoolA),
            AddAsync("colleague-a", SchoolA),
            AddAsync("teacher-b", SchoolB),
            AddAsync("leader-a", SchoolA, GlaRoles.SchoolLeader),
            AddAsync("trust-leader", SchoolB, GlaRoles.TrustLeader));
        (TeacherA, ColleagueA, TeacherB, LeaderA, TrustLeader) = (people[0], people[1], people[2], people[3], people[4]);
        // Every service must know them before anyone asks about them.
        foreach (var person in people)
        {
            foreach (var service in new[] { "appraisal", "training", "evidence" })
            {
                await Eventually.TrueAsync(async () => (await Admin.GetAsync($"/api/{service}/staff-members/{person.StaffMemberId}")).IsSuccessStatusCode,
                    what: $"{service} to know {person.Name}");
            }
        }
        var provider = await system.SignIn.ClientCredentialsAsync(SystemFixture.ProviderClientId, SystemFixture.ProviderSecret, "training");
        Provider = system.ClientWith(provider.AccessToken);
    }

    public Task<Person> AddAsync(string name, Guid school, params string[] roles) => AddAsync(system, name, school, roles);

    /// <summary>Adds a person through Staff, grants roles in Identity, and signs them in.</summary>
    public static async Task<Person> AddAsync(SystemFixture system, string name, Guid school, params string[] roles)
    {
        var admin = system.Gateway;
        var email = $"{name}.{Guid.NewGuid():N}@schools.example".ToLowerInvariant();
        var response = await admin.PostAsJsonAsync("/api/staff/staff-members", new
        {
            firstName = name, lastName = "Tester", workEmail = email, employeeNumber = "P" + Guid.NewGuid().ToString("N")[..10],
            staffGroup = "Teaching", jobTitle = "Teacher", schoolId = school, startDate = "2026-09-01",
        });
        response.EnsureSuccessStatusCode();
        var staffMemberId = (await response.Content.ReadFromJsonAsync<JsonNode>())!.Id();

        await system.SignIn.AcceptInvitationAsync(email, SystemFixture.Password);
        var accounts = await admin.GetFromJsonAsync<JsonArray>($"/api/identity/accounts?email={Uri.EscapeDataString(email)}");
        var accountId = Guid.Parse((string)accounts![0]!["id"]!);
        if (roles.Length > 0)
        {
            (await admin.PutAsJsonAsync($"/api/identity/accounts/{accountId}/roles", new { roles })).EnsureSuccessStatusCode();
        }
        var tokens = await system.SignIn.SignInAsync(email, SystemFixture.Password);
        return new Person(name, staffMemberId, accountId, email, system.ClientWith(tokens.AccessToken));
    }

    public ValueTask DisposeAsync()
    {
        foreach (var person in new[] { TeacherA, ColleagueA, TeacherB, LeaderA, TrustLeader }) person?.Client.Dispose();
        Provider?.Dispose();
        return ValueTask.CompletedTask;
    }
}
