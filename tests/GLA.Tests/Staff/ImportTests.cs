using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using GLA.AppHost.Hosting;
using GLA.Tests.EndToEnd;

namespace GLA.Tests.Staff;

/// <summary>Importing the school MIS's staff export: row by row, idempotent, with progress and reasons.</summary>
public sealed class ImportTests(SystemFixture system)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<JsonNode> ImportAsync(string csv, string fileName = "staff.csv")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName } };
        var response = await system.Gateway.PostAsync("/api/staff/imports", form, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        return await Eventually.GetAsync(async () =>
        {
            var job = await system.Gateway.GetFromJsonAsync<JsonNode>(location);
            return (string)job!["status"]! is "Completed" or "Failed" ? job : null;
        }, TimeSpan.FromSeconds(60), "the import to finish");
    }

    private async Task<long> OutboxCountAsync()
    {
        await using var db = system.Database("staffdb");
        await using var count = db.CreateCommand("SELECT count(*) FROM outbox_messages");
        return (long)(await count.ExecuteScalarAsync(Cancel))!;
    }

    [Fact]
    public async Task Good_rows_are_imported_bad_rows_reported_by_line_and_the_same_file_again_changes_nothing()
    {
        var urn = (string)(await system.Gateway.CreateSchoolAsync("Willow Bank Primary"))["urn"]!;
        var n = Guid.NewGuid().ToString("N")[..6];
        var csv = $"""
            Employee Number,Legal Forename,Legal Surname,Work Email,Staff Category,Job Title,School URN,Start Date,FTE
            A{n}1,Hannah,Baxter,hannah.{n}@willow.sch.uk,Teacher,Class Teacher,{urn},01/09/2020,1.0
            A{n}2,Mohammed,Iqbal,mohammed.{n}@willow.sch.uk,Support,Site Manager,{urn},2023-04-17,0.5
            A{n}3,Chloe,Evans,chloe.{n}@willow.sch.uk,Leadership,Deputy Head,{urn},1/9/2018,
            A{n}4,Nobody,Known,nobody.{n}@willow.sch.uk,Teacher,Teacher,999999,01/09/2020,1
            A{n}5,Bad,Email,not-an-email,Teacher,Teacher,{urn},01/09/2020,1
            A{n}6,Odd,Group,odd.{n}@willow.sch.uk,Governor,Governor,{urn},01/09/2020,1
            A{n}1,Hannah,Again,hannah2.{n}@willow.sch.uk,Teacher,Class Teacher,{urn},01/09/2020,1
            A{n}7,,Nameless,nameless.{n}@willow.sch.uk,Teacher,Teacher,{urn},01/09/2020,1
            A{n}8,Wrong,Date,wrong.{n}@willow.sch.uk,Teacher,Teacher,{urn},September 2020,1
            """;

        var job = await ImportAsync(csv);

        Assert.Equal("Completed", (string)job["status"]!);
        Assert.Equal(9, (int)job["totalRows"]!);
        Assert.Equal(100, (int)job["percent"]!);
        Assert.Equal(3, (int)job["created"]!);
        var errors = job["errors"]!.AsArray().Select(e => ((int)e!["line"]!, (string)e["reason"]!)).ToList();
        Assert.Equal([5, 6, 7, 8, 9, 10], errors.Select(e => e.Item1));
        Assert.Contains("999999", errors[0].Item2);
        Assert.Contains("not a work email", errors[1].Item2);
        Assert.Contains("Teacher, Support or Leadership", errors[2].Item2);
        Assert.Contains("also on line 2", errors[3].Item2);
        Assert.Contains("name is missing", errors[4].Item2);
        Assert.Contains("not a date", errors[5].Item2);

        // The imported people reach the other services like any joiner.
        var page = await system.Gateway.GetFromJsonAsync<JsonNode>($"/api/staff/staff-members?search=willow.sch.uk&pageSize=50", Cancel);
        var iqbal = page!["items"]!.AsArray().Single(m => (string)m!["lastName"]! == "Iqbal")!;
        Assert.Equal(0.5m, (decimal)iqbal["contracts"]![0]!["fte"]!);
        await Eventually.TrueAsync(async () => (await system.Gateway.GetAsync($"/api/appraisal/staff-members/{iqbal["id"]}")).IsSuccessStatusCode,
            what: "Appraisal to know the imported person");

        var eventsBefore = await OutboxCountAsync();
        var again = await ImportAsync(csv);
        Assert.Equal((0, 0, 3), ((int)again["created"]!, (int)again["updated"]!, (int)again["unchanged"]!));
        Assert.Equal(eventsBefore, await OutboxCountAsync());

        var changed = await ImportAsync(csv.Replace("Site Manager", "Premises Manager"));
        Assert.Equal((0, 1, 2), ((int)changed["created"]!, (int)changed["updated"]!, (int)changed["unchanged"]!));
        await Eventually.TrueAsync(async () =>
            (string)(await system.Gateway.GetFromJsonAsync<JsonNode>($"/api/training/staff-members/{iqbal["id"]}"))!["jobTitle"]! == "Premises Manager",
            what: "Training to have the new job title");
    }

    [Fact]
    public async Task The_shipped_sample_export_imports_cleanly()
    {
        var urn = (string)(await system.Gateway.CreateSchoolAsync("Oakfield Primary"))["urn"]!;
        var sample = await File.ReadAllTextAsync(Path.Combine(HostingContext.FindRepositoryRoot(), "services", "Staff", "samples", "mis-staff-export.csv"), Cancel);
        var tag = Guid.NewGuid().ToString("N")[..6];
        // The sample's people, made unique for this run: their own URN, numbers and addresses.
        var csv = sample.Replace(",123456,", $",{urn},").Replace("@oakfield", $".{tag}@oakfield")
            .Replace("\nT1", $"\nT{tag}1").Replace("\nS2", $"\nS{tag}2").Replace("\nL3", $"\nL{tag}3");

        var job = await ImportAsync(csv, "mis-staff-export.csv");

        Assert.Equal(4, (int)job["created"]!);
        Assert.Empty(job["errors"]!.AsArray());
    }

    [Fact]
    public async Task A_file_that_is_not_a_staff_export_fails_with_a_reason()
    {
        var job = await ImportAsync("Name,Colour\nAda,Blue\n", "favourites.csv");

        Assert.Equal("Failed", (string)job["status"]!);
        Assert.Contains("no column for 'Employee Number'", (string)job["errors"]![0]!["reason"]!);
    }
}
