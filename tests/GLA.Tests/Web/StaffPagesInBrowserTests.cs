using System.Net.Http.Json;
using GLA.Tests.EndToEnd;
using Microsoft.Playwright;

namespace GLA.Tests.Web;

/// <summary>The trust admin's pages in a real browser: schools, an import with its progress, the directory and a record.</summary>
public sealed class StaffPagesInBrowserTests(SystemFixture system, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> SignedInAdminAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = system.GatewayAddress.ToString(), Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.ClickAsync("#sign-in");
        await page.FillAsync("#email", SystemFixture.AdminEmail);
        await page.FillAsync("#password", SystemFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForSelectorAsync("#signed-in-as");
        return page;
    }

    [Fact]
    public async Task Admin_adds_a_school_imports_its_staff_watches_progress_and_finds_them()
    {
        var page = await SignedInAdminAsync();
        var urn = Api.NextUrn();

        await page.GotoAsync("/schools");
        await page.FillAsync("#name", "Larkspur Primary");
        await page.FillAsync("#urn", "12");
        await page.ClickAsync("text=Add school");
        var problem = await page.InnerTextAsync("#problem");
        Assert.Contains("six-digit", problem);
        Assert.Contains("Choose the school's phase.", problem);
        await page.FillAsync("#urn", urn);
        await page.SelectOptionAsync("#phase", "Primary");
        await page.ClickAsync("text=Add school");
        Assert.Contains("Larkspur Primary has been added", await page.InnerTextAsync("#added"));

        var tag = Guid.NewGuid().ToString("N")[..6];
        var file = Path.Combine(Path.GetTempPath(), $"larkspur-{tag}.csv");
        await File.WriteAllTextAsync(file, $"""
            Employee Number,Legal Forename,Legal Surname,Work Email,Staff Category,Job Title,School URN,Start Date,FTE
            K{tag}1,Freya,Lindqvist,freya.{tag}@larkspur.sch.uk,Teacher,Year 6 Teacher,{urn},01/09/2022,1
            K{tag}2,Kwame,Mensah,kwame.{tag}@larkspur.sch.uk,Support,Learning Mentor,{urn},01/09/2023,0.6
            K{tag}3,Nora,Quinn,not-an-email,Teacher,Teacher,{urn},01/09/2023,1
            """, TestContext.Current.CancellationToken);
        await page.GotoAsync("/imports");
        await page.SetInputFilesAsync("#file", file);
        await page.ClickAsync("text=Upload and import");
        await page.WaitForSelectorAsync("text=Import finished", new() { Timeout = 60_000 });
        Assert.Contains("2 new", await page.InnerTextAsync("#counts"));
        Assert.Contains("not a work email", await page.InnerTextAsync("#errors"));
        Assert.Equal("100", await page.GetAttributeAsync("#progress", "value"));

        await page.GotoAsync("/staff");
        await page.FillAsync("#search", tag);
        await page.ClickAsync("text=Find");
        await page.WaitForSelectorAsync("text=Kwame Mensah");
        Assert.Contains("2 people", await page.InnerTextAsync("#count"));
        await page.ClickAsync("text=Kwame Mensah");
        await page.WaitForSelectorAsync("h1:has-text('Kwame Mensah')");
        Assert.Contains("Learning Mentor", await page.InnerTextAsync("dl.summary"));
        Assert.Contains("Larkspur Primary", await page.InnerTextAsync("table"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "staff-record.png"), FullPage = true });
    }

    [Fact]
    public async Task Admin_adds_a_joiner_gives_them_an_appraiser_and_records_a_move()
    {
        var first = await system.Gateway.CreateSchoolAsync("Primrose Hill Primary");
        var second = await system.Gateway.CreateSchoolAsync("Quarry Bank Primary");
        var mentor = await system.Gateway.AddStaffMemberAsync(first.Id());
        var page = await SignedInAdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];

        await page.GotoAsync("/staff/new");
        await page.ClickAsync("text=Add joiner");
        var problem = await page.InnerTextAsync("#problem");
        Assert.Contains("Enter their first name.", problem);
        Assert.Contains("Choose their school.", problem);

        await page.FillAsync("#firstname", "Sienna");
        await page.FillAsync("#lastname", "Achterberg");
        await page.FillAsync("#workemail", $"sienna.{tag}@primrose.sch.uk");
        await page.FillAsync("#employeenumber", $"J{tag}");
        await page.SelectOptionAsync("#staffgroup", "Teaching");
        await page.FillAsync("#jobtitle", "Reception Teacher");
        await page.SelectOptionAsync("#schoolid", first.Id().ToString());
        await page.FillAsync("#startdate", "2026-09-01");
        await page.ClickAsync("text=Add joiner");
        await page.WaitForSelectorAsync("h1:has-text('Sienna Achterberg')");

        await page.SelectOptionAsync("#appraiserid", mentor.Id().ToString());
        await page.ClickAsync("text=Save appraiser");
        await page.WaitForSelectorAsync($"#appraiser:has-text('{(string)mentor["firstName"]!}')");

        await page.SelectOptionAsync("#toschoolid", second.Id().ToString());
        await page.FillAsync("#movedate", DateTime.UtcNow.ToString("yyyy-MM-dd"));
        await page.ClickAsync("text=Record the move");
        await page.WaitForSelectorAsync("td:has-text('Quarry Bank Primary')");
        Assert.Contains("Primrose Hill Primary", await page.InnerTextAsync("table"));
    }

    [Fact]
    public async Task Two_people_editing_one_record_the_second_is_told_and_nothing_is_lost()
    {
        var school = await system.Gateway.CreateSchoolAsync();
        var person = await system.Gateway.AddStaffMemberAsync(school.Id());
        var office = await SignedInAdminAsync();
        var head = await SignedInAdminAsync();
        await office.GotoAsync($"/staff/{person.Id()}");
        await head.GotoAsync($"/staff/{person.Id()}");

        await office.FillAsync("#jobtitle", "Head of Year 9");
        await office.ClickAsync("text=Save details");
        await office.WaitForSelectorAsync("dd:has-text('Head of Year 9')");
        await head.FillAsync("#jobtitle", "Head of Science");
        await head.ClickAsync("text=Save details");

        Assert.Contains("Someone else has changed this", await head.InnerTextAsync("#problem"));
        var saved = await system.Gateway.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>($"/api/staff/staff-members/{person.Id()}", TestContext.Current.CancellationToken);
        Assert.Equal("Head of Year 9", (string)saved!["jobTitle"]!);
    }

    [Fact]
    public async Task Admin_changes_the_trust_settings_and_an_impossible_date_is_explained()
    {
        var page = await SignedInAdminAsync();
        await page.GotoAsync("/trust");

        await page.FillAsync("#startday", "30");
        await page.SelectOptionAsync("#startmonth", "2");
        await page.ClickAsync("text=Save settings");
        Assert.Contains("does not exist in that month", await page.InnerTextAsync("#problem"));

        await page.FillAsync("#trustname", "Northern Lights Learning Trust");
        await page.FillAsync("#startday", "1");
        await page.SelectOptionAsync("#startmonth", "9");
        await page.CheckAsync("#pay");
        await page.ClickAsync("text=Save settings");
        await page.WaitForSelectorAsync("#saved");
        var settings = await system.Gateway.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/api/staff/trust", TestContext.Current.CancellationToken);
        Assert.Equal("Northern Lights Learning Trust", (string)settings!["trustName"]!);
        Assert.True((bool)settings["payRecommendationsUsed"]!);
    }
}
