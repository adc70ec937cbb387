using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GLA.AppHost;
using GLA.AppHost.Hosting;

// Starts the whole system (as ./run does, data in a temporary folder) and prints:
//  - the time from start to every resource healthy;
//  - the baseline: a read of one record through the gateway (median of N);
//  - propagation: from a joiner's POST to the person being visible in Appraisal, Training
//    and Evidence (median of N), also as a ratio of the baseline.
//  - import: a generated MIS export of N staff across six schools: import time, rows/s, and
//    the time until Appraisal, Training and Evidence all hold every person.
// Usage: dotnet run --project benchmarks/GLA.Benchmarks -c Release -- [samples=20] [importRows=10000]
var samples = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 20;
var importRows = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 10_000;
var data = Directory.CreateTempSubdirectory("gla-bench-").FullName;
var context = new HostingContext
{
    RepositoryRoot = HostingContext.FindRepositoryRoot(),
    DataDirectory = data,
    Log = new ResourceLog(TextWriter.Null, colours: false),
    ContainerRuntime = ContainerRuntime.Detect(),
};
// The benchmark calls the APIs as a machine client of its own, as a trust's integration would.
var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
var settings = new Dictionary<string, Func<string, string>>
{
    ["Identity__MachineClients__benchmark__Secret"] = _ => secret,
    ["Identity__MachineClients__benchmark__Roles__0"] = _ => "trust-admin",
};
foreach (var (api, i) in new[] { "staff", "appraisal", "training", "evidence" }.Select((api, i) => (api, i)))
{
    settings[$"Identity__MachineClients__benchmark__Scopes__{i}"] = _ => api;
}
var clock = Stopwatch.StartNew();
await using var app = GlaSystem.Define(new DistributedApplicationBuilder(context), new GlaSystem.Options(GatewayPort: null, IdentitySettings: settings)).Build();
await app.StartAsync();
var startup = clock.Elapsed;
using var gateway = new HttpClient { BaseAddress = new Uri(app.Get<ProjectResource>("gateway").Endpoints[0]) };
var token = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
{
    ["grant_type"] = "client_credentials", ["client_id"] = "benchmark", ["client_secret"] = secret, ["scope"] = "staff appraisal training evidence",
}));
token.EnsureSuccessStatusCode();
gateway.DefaultRequestHeaders.Authorization = new("Bearer", (string)(await token.Content.ReadFromJsonAsync<JsonNode>())!["access_token"]!);

var school = await Post("/api/staff/schools", new { name = "Benchmark Academy", urn = "900001", phase = "Secondary" });
var schoolId = (string)school["id"]!;

// Warm up every path once (JIT, connection pools, queues).
await Propagate(0);
var reads = new List<double>();
var propagations = new List<double>();
for (var i = 1; i <= samples; i++)
{
    var read = Stopwatch.StartNew();
    (await gateway.GetAsync($"/api/staff/schools/{schoolId}")).EnsureSuccessStatusCode();
    reads.Add(read.Elapsed.TotalMilliseconds);
    propagations.Add(await Propagate(i));
}

var import = await ImportAsync(importRows);

Console.WriteLine($"start to healthy:                 {startup.TotalSeconds,8:0.0} s");
Console.WriteLine($"baseline read through gateway:    {Median(reads),8:0.0} ms (median of {samples})");
Console.WriteLine($"POST to visible in 3 services:    {Median(propagations),8:0.0} ms (median of {samples}; p90 {Percentile(propagations, 0.9):0.0} ms)");
Console.WriteLine($"propagation / baseline:           {Median(propagations) / Median(reads),8:0.0} x");
Console.WriteLine($"import of {importRows} staff:          {import.Imported.TotalSeconds,8:0.0} s ({importRows / import.Imported.TotalSeconds:0} rows/s)");
Console.WriteLine($"upload to all services consistent:{import.Consistent.TotalSeconds,8:0.0} s (target: under 30 s)");
await app.StopAsync();
try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
return 0;

async Task<(TimeSpan Imported, TimeSpan Consistent)> ImportAsync(int rows)
{
    var urns = new List<string>();
    for (var s = 0; s < 6; s++)
    {
        var urn = (910000 + s).ToString();
        await Post("/api/staff/schools", new { name = $"Benchmark School {s + 1}", urn, phase = s < 4 ? "Primary" : "Secondary" });
        urns.Add(urn);
    }
    var csv = new System.Text.StringBuilder("Employee Number,Legal Forename,Legal Surname,Work Email,Staff Category,Job Title,School URN,Start Date,FTE\n");
    string[] groups = ["Teacher", "Teacher", "Teacher", "Support", "Support", "Leadership"];
    for (var i = 0; i < rows; i++)
    {
        csv.Append($"M{i:00000},First{i},Last{i},person{i}@bench.sch.uk,{groups[i % groups.Length]},Post {i % 40},{urns[i % urns.Count]},01/09/2020,1\n");
    }
    var timer = Stopwatch.StartNew();
    using var form = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv.ToString())), "file", "bench.csv" } };
    var accepted = await gateway.PostAsync("/api/staff/imports", form);
    accepted.EnsureSuccessStatusCode();
    var location = accepted.Headers.Location!.ToString();
    while ((string)(await gateway.GetFromJsonAsync<JsonNode>(location))!["status"]! is not ("Completed" or "Failed"))
    {
        await Task.Delay(100);
    }
    var imported = timer.Elapsed;
    foreach (var database in new[] { "appraisaldb", "trainingdb", "evidencedb" })
    {
        await using var source = Npgsql.NpgsqlDataSource.Create(app.Get<PostgresServerResource>("postgres").ConnectionStringFor(database));
        while (true)
        {
            await using var count = source.CreateCommand("SELECT count(*) FROM staff_members WHERE work_email LIKE '%@bench.sch.uk'");
            if ((long)(await count.ExecuteScalarAsync())! >= rows) break;
            await Task.Delay(100);
        }
    }
    return (imported, timer.Elapsed);
}

async Task<double> Propagate(int i)
{
    var timer = Stopwatch.StartNew();
    var member = await Post("/api/staff/staff-members", new
    {
        firstName = "Bench", lastName = $"Mark{i}", workEmail = $"bench{i}@example.sch.uk", employeeNumber = $"B{i:0000}",
        staffGroup = "Support", jobTitle = "Teaching assistant", schoolId, startDate = "2026-09-01",
    });
    var id = (string)member["id"]!;
    foreach (var service in new[] { "appraisal", "training", "evidence" })
    {
        while (!(await gateway.GetAsync($"/api/{service}/staff-members/{id}")).IsSuccessStatusCode)
        {
            await Task.Delay(2);
        }
    }
    return timer.Elapsed.TotalMilliseconds;
}

async Task<JsonNode> Post(string path, object body)
{
    var response = await gateway.PostAsJsonAsync(path, body);
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
}

static double Median(List<double> values) => Percentile(values, 0.5);
static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
