using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GLA.Tests.EndToEnd;

namespace GLA.Tests.Staff;

/// <summary>The staff directory: search, filters, stable paging and the CSV export.</summary>
public sealed class DirectoryTests(SystemFixture system)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<Guid> AddAsync(Guid school, string first, string last, string group)
    {
        var response = await system.Gateway.PostAsJsonAsync("/api/staff/staff-members", new
        {
            firstName = first, lastName = last, workEmail = $"{first}.{last}.{Guid.NewGuid():N}@schools.example".ToLowerInvariant(),
            employeeNumber = "D" + Guid.NewGuid().ToString("N")[..9], staffGroup = group, jobTitle = "Teacher", schoolId = school, startDate = "2026-09-01",
        }, Cancel);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(Cancel))!.Id();
    }

    private async Task<JsonNode> PageAsync(string query) =>
        (await system.Gateway.GetFromJsonAsync<JsonNode>("/api/staff/staff-members?" + query, Cancel))!;

    private static string[] Names(JsonNode page) =>
        page["items"]!.AsArray().Select(m => $"{m!["firstName"]} {m["lastName"]}").ToArray();

    [Fact]
    public async Task Directory_finds_people_by_name_group_and_appraiser_and_pages_in_a_stable_order()
    {
        var school = (await system.Gateway.CreateSchoolAsync()).Id();
        var head = await AddAsync(school, "Ruth", "Ashworth", "Leadership");
        var teacher = await AddAsync(school, "Tom", "Brennan", "Teaching");
        var assistant = await AddAsync(school, "Priya", "Chandra", "Support");
        await AddAsync(school, "Tomasz", "Dabrowski", "Teaching");
        (await system.Gateway.PutAsJsonAsync($"/api/staff/staff-members/{teacher}/appraiser", new { appraiserId = head, from = "2026-09-01" }, Cancel)).EnsureSuccessStatusCode();
        (await system.Gateway.PostAsJsonAsync($"/api/staff/staff-members/{assistant}/leave", new { leavingDate = "2026-10-31" }, Cancel)).EnsureSuccessStatusCode();

        Assert.Equal(["Tom Brennan", "Tomasz Dabrowski"], Names(await PageAsync($"schoolId={school}&search=tom")));
        Assert.Equal(["Ruth Ashworth"], Names(await PageAsync($"schoolId={school}&staffGroup=Leadership")));
        Assert.Equal(["Tom Brennan"], Names(await PageAsync($"schoolId={school}&appraiserId={head}")));
        // Leavers are kept, and shown when asked for.
        Assert.DoesNotContain("Priya Chandra", Names(await PageAsync($"schoolId={school}")));
        Assert.Contains("Priya Chandra", Names(await PageAsync($"schoolId={school}&includeLeavers=true")));

        var first = await PageAsync($"schoolId={school}&pageSize=2&page=1");
        var second = await PageAsync($"schoolId={school}&pageSize=2&page=2");
        Assert.Equal(3, (int)first["total"]!);
        Assert.Equal(["Ruth Ashworth", "Tom Brennan", "Tomasz Dabrowski"], Names(first).Concat(Names(second)));
    }

    [Fact]
    public async Task Directory_exports_as_csv_with_schools_and_appraisers_named()
    {
        var school = await system.Gateway.CreateSchoolAsync("Elmtree Academy");
        var head = await AddAsync(school.Id(), "Grace", "Okafor", "Leadership");
        var teacher = await AddAsync(school.Id(), "Liam", "O'Neill, Jr", "Teaching");
        (await system.Gateway.PutAsJsonAsync($"/api/staff/staff-members/{teacher}/appraiser", new { appraiserId = head, from = "2026-09-01" }, Cancel)).EnsureSuccessStatusCode();

        var response = await system.Gateway.GetAsync($"/api/staff/staff-members/export?schoolId={school.Id()}", Cancel);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Cancel)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("EmployeeNumber,FirstName,LastName,WorkEmail,StaffGroup,JobTitle,Schools,Appraiser,EarlyCareer,LeftOn", lines[0]);
        Assert.Equal(3, lines.Length);
        // The comma in a name is quoted, not a new column.
        Assert.Contains(lines, line => line.Contains("\"O'Neill, Jr\"") && line.Contains("Elmtree Academy") && line.Contains("Grace Okafor"));
    }
}
