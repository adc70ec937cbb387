using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

// Loads a fictional trust into a running GLA (./run in another terminal): six schools,
// about 400 staff through the real MIS import, line management, leaders' roles, and a
// sign-in for one person of each role. Safe to run again: what exists is reused.
// Usage: ./demo   (or dotnet run --project tools/DemoTrust -- [gateway] [data folder])
var gateway = new Uri(args.Length > 0 ? args[0] : "http://localhost:8080/");
var data = args.Length > 1 ? args[1] : Path.Combine(FindRoot(), ".gla", "data");
var secretFile = Path.Combine(data, "identity", "trust-it-secret");
if (!File.Exists(secretFile))
{
    Console.Error.WriteLine($"No GLA data at {data}. Start GLA first with ./run, then run ./demo in another terminal.");
    return 2;
}
using var http = new HttpClient(new PoliteHandler { InnerHandler = new HttpClientHandler() }) { BaseAddress = gateway };
try { (await http.GetAsync("/health")).EnsureSuccessStatusCode(); }
catch (HttpRequestException)
{
    Console.Error.WriteLine($"GLA does not answer at {gateway}. Start it with ./run and wait for 'GLA is running'.");
    return 2;
}

var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
{
    ["grant_type"] = "client_credentials", ["client_id"] = "trust-it", ["client_secret"] = File.ReadAllText(secretFile).Trim(), ["scope"] = "staff identity",
}));
token.EnsureSuccessStatusCode();
http.DefaultRequestHeaders.Authorization = new("Bearer", (string)(await token.Content.ReadFromJsonAsync<JsonNode>())!["access_token"]!);

// Six schools of different phases, in two local authorities.
(string Name, string Urn, string Phase, string La)[] schools =
[
    ("Ashgrove Primary School", "141001", "Primary", "Leeds"),
    ("Birchfield Primary Academy", "141002", "Primary", "Leeds"),
    ("Cedar Vale Infant School", "141003", "Nursery", "Wakefield"),
    ("Darnley High School", "141004", "Secondary", "Leeds"),
    ("Elmwood Academy", "141005", "Secondary", "Wakefield"),
    ("Fernhill Special School", "141006", "Special", "Wakefield"),
];
var existing = await http.GetFromJsonAsync<JsonArray>("/api/staff/schools") ?? [];
foreach (var school in schools.Where(s => !existing.Any(e => (string)e!["urn"]! == s.Urn)))
{
    (await http.PostAsJsonAsync("/api/staff/schools", new { name = school.Name, urn = school.Urn, phase = school.Phase, localAuthority = school.La })).EnsureSuccessStatusCode();
}
Console.WriteLine($"Schools: {schools.Length}");

// About 400 staff: per school a head, two deputies, teachers and support staff; plus the trust's own team.
string[] firstNames = ["Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Freya", "Leo", "Grace", "Oscar", "Sophia", "Harry", "Lily",
    "Muhammad", "Priya", "Kwame", "Zara", "Tomasz", "Aisha", "Finley", "Evie", "Rory", "Niamh", "Dylan", "Ellie", "Yusuf", "Hannah", "Callum"];
string[] lastNames = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans",
    "Walker", "White", "Roberts", "Green", "Hall", "Khan", "Wood", "Clarke", "Hughes", "Edwards", "Nowak", "Okafor", "Murphy", "Begum", "Shaw"];
var random = new Random(2026);
var csv = new StringBuilder("Employee Number,Legal Forename,Legal Surname,Work Email,Staff Category,Job Title,School URN,Start Date,FTE\n");
var people = new List<(string Number, string Role, int School)>();
string[] subjects = ["English", "Maths", "Science", "History", "Geography", "Art", "Music", "PE", "Computing", "French"];
for (var s = 0; s < schools.Length; s++)
{
    var secondary = schools[s].Phase == "Secondary";
    void Add(string role, string category, string title)
    {
        var number = $"D{s + 1}{people.Count(p => p.School == s):000}";
        var (first, last) = (firstNames[random.Next(firstNames.Length)], lastNames[random.Next(lastNames.Length)]);
        var domain = schools[s].Name.Split(' ')[0].ToLowerInvariant() + ".sch.uk";
        csv.Append($"{number},{first},{last},{first.ToLowerInvariant()}.{last.ToLowerInvariant()}.{number.ToLowerInvariant()}@{domain},{category},{title},{schools[s].Urn},01/09/{2010 + random.Next(15)},{(category == "Support" ? "0.8" : "1.0")}\n");
        people.Add((number, role, s));
    }
    Add("head", "Leadership", "Headteacher");
    Add("deputy", "Leadership", "Deputy Headteacher");
    Add("deputy", "Leadership", "Assistant Headteacher");
    Add("support-lead", "Support", "School Business Manager");
    for (var t = 0; t < 38; t++) Add("teacher", "Teacher", secondary ? $"Teacher of {subjects[t % subjects.Length]}" : $"Class Teacher (Year {t % 6 + 1})");
    for (var a = 0; a < 24; a++) Add("support", "Support", a % 3 == 0 ? "Learning Mentor" : "Teaching Assistant");
}
csv.Append($"T0001,Helen,Marsh,helen.marsh@trust.example,Leadership,Chief Executive Officer,{schools[0].Urn},01/09/2015,1.0\n");
csv.Append($"T0002,David,Osei,david.osei@trust.example,Support,Trust Operations Manager,{schools[0].Urn},01/09/2019,1.0\n");
people.Add(("T0001", "ceo", 0));
people.Add(("T0002", "trust-admin", 0));

using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "demo-trust-staff.csv" } })
{
    var upload = await http.PostAsync("/api/staff/imports", form);
    upload.EnsureSuccessStatusCode();
    var location = upload.Headers.Location!.ToString();
    JsonNode job;
    while ((string)(job = (await http.GetFromJsonAsync<JsonNode>(location))!)["status"]! is not ("Completed" or "Failed"))
    {
        Console.Write($"\rImporting staff: {job["percent"]}%   ");
        await Task.Delay(500);
    }
    Console.WriteLine($"\rStaff: {people.Count} ({job["created"]} new, {job["unchanged"]} already there, {job["errors"]!.AsArray().Count} refused)");
}

// Ids by employee number, then line management: the CEO appraises heads, heads their deputies and
// business manager, deputies share the teachers, the business manager the support staff.
var ids = new Dictionary<string, Guid>();
for (var page = 1; ; page++)
{
    var result = await http.GetFromJsonAsync<JsonNode>($"/api/staff/staff-members?pageSize=200&page={page}");
    foreach (var member in result!["items"]!.AsArray()) ids[(string)member!["employeeNumber"]!] = Guid.Parse((string)member["id"]!);
    if (page * 200 >= (int)result["total"]!) break;
}
async Task Appraise(string appraisee, string appraiser) =>
    (await http.PutAsJsonAsync($"/api/staff/staff-members/{ids[appraisee]}/appraiser", new { appraiserId = ids[appraiser], from = "2026-09-01" })).EnsureSuccessStatusCode();
for (var s = 0; s < schools.Length; s++)
{
    var here = people.Where(p => p.School == s && p.Number.StartsWith('D')).ToList();
    var head = here.Single(p => p.Role == "head").Number;
    var deputies = here.Where(p => p.Role == "deputy").Select(p => p.Number).ToList();
    var business = here.Single(p => p.Role == "support-lead").Number;
    await Appraise(head, "T0001");
    foreach (var deputy in deputies) await Appraise(deputy, head);
    await Appraise(business, head);
    var teachers = here.Where(p => p.Role == "teacher").ToList();
    for (var i = 0; i < teachers.Count; i++) await Appraise(teachers[i].Number, deputies[i % deputies.Count]);
    foreach (var support in here.Where(p => p.Role == "support")) await Appraise(support.Number, business);
}
Console.WriteLine("Line management: set for everyone");

// Roles beyond staff member: heads and deputies lead their school; the CEO leads the trust.
var accounts = await http.GetFromJsonAsync<JsonArray>("/api/identity/accounts") ?? [];
async Task Grant(string number, params string[] roles)
{
    var account = await Eventually(async () => (await http.GetFromJsonAsync<JsonArray>($"/api/identity/accounts?staffMemberId={ids[number]}"))!.FirstOrDefault());
    (await http.PutAsJsonAsync($"/api/identity/accounts/{account!["id"]}/roles", new { roles })).EnsureSuccessStatusCode();
}
foreach (var leader in people.Where(p => p.Role is "head" or "deputy")) await Grant(leader.Number, "school-leader");
await Grant("T0001", "trust-leader");
await Grant("T0002", "trust-admin");
Console.WriteLine("Roles: school leaders, trust leader and trust admin granted");

// One sign-in per role, kept so a second run prints the same ones.
var signInsFile = Path.Combine(data, "demo-sign-ins.txt");
if (!File.Exists(signInsFile))
{
    var chosen = new (string Role, string Number)[]
    {
        ("Staff member", people.First(p => p.Role == "teacher" && p.School == 0).Number),
        ("Appraiser", people.First(p => p.Role == "support-lead" && p.School == 0).Number),
        ("School leader", people.First(p => p.Role == "head" && p.School == 0).Number),
        ("Trust leader", "T0001"),
        ("Trust admin", "T0002"),
    };
    var lines = new List<string>();
    foreach (var (role, number) in chosen)
    {
        var member = await http.GetFromJsonAsync<JsonNode>($"/api/staff/staff-members/{ids[number]}");
        var email = (string)member!["workEmail"]!;
        var password = $"demo {role.ToLowerInvariant()} {Random.Shared.Next(1000, 9999)}";
        await AcceptInvitation(email, password);
        lines.Add($"{role,-14} {email,-55} {password}");
    }
    await File.WriteAllLinesAsync(signInsFile, lines);
}
Console.WriteLine();
Console.WriteLine($"Sign in at {gateway} as:");
foreach (var line in await File.ReadAllLinesAsync(signInsFile)) Console.WriteLine("  " + line);
return 0;

async Task AcceptInvitation(string email, string password)
{
    var mailbox = Path.Combine(data, "identity", "mailbox");
    var link = await Eventually(async () => Directory.GetFiles(mailbox, "*.txt").OrderDescending()
        .Select(File.ReadAllText).Where(text => text.StartsWith($"To: {email}\n", StringComparison.OrdinalIgnoreCase))
        .Select(text => Regex.Match(text, @"http\S+/account/invitation\?token=\S+").Value).FirstOrDefault(l => l.Length > 0));
    var path = new Uri(link!).PathAndQuery;
    using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = gateway };
    var page = await browser.GetStringAsync(path);
    var antiforgery = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    var token = Regex.Match(path, "token=([^&]+)").Groups[1].Value;
    var response = await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Token"] = token, ["Password"] = password, ["Confirm"] = password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
    }));
    if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Could not set the password for {email}.");
}

static async Task<T?> Eventually<T>(Func<Task<T?>> probe)
{
    for (var i = 0; i < 120; i++)
    {
        if (await probe() is { } value) return value;
        await Task.Delay(500);
    }
    throw new TimeoutException("GLA did not catch up in time.");
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "GLA.sln"))) return dir.FullName;
    }
    return Directory.GetCurrentDirectory();
}

/// <summary>Waits as the gateway asks (429 and Retry-After) instead of failing: GLA rate-limits every client.</summary>
sealed class PoliteHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests) return response;
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(2);
            response.Dispose();
            await Task.Delay(wait, cancellationToken);
        }
    }
}
