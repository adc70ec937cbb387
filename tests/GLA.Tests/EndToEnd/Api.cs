using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace GLA.Tests.EndToEnd;

/// <summary>Small helpers for driving the APIs through the gateway as a client would.</summary>
public static class Api
{
    private static int _sequence = Random.Shared.Next(100_000, 900_000);

    /// <summary>A unique six-digit URN for each school a test creates.</summary>
    public static string NextUrn() => Interlocked.Increment(ref _sequence).ToString("000000");

    public static async Task<JsonNode> CreateSchoolAsync(this HttpClient gateway, string? name = null)
    {
        var urn = NextUrn();
        var response = await gateway.PostAsJsonAsync("/api/staff/schools", new { name = name ?? $"School {urn}", urn, phase = "Secondary", localAuthority = "Leeds" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public static object NewStaffMember(Guid schoolId, string? email = null)
    {
        var n = Interlocked.Increment(ref _sequence);
        return new
        {
            firstName = "Ada",
            lastName = $"Lovelace{n}",
            workEmail = email ?? $"ada.{n}@oakfield.sch.uk",
            employeeNumber = $"E{n}",
            staffGroup = "Teaching",
            jobTitle = "Teacher of Mathematics",
            schoolId,
            fte = 0.8,
            startDate = "2026-09-01",
        };
    }

    public static async Task<JsonNode> AddStaffMemberAsync(this HttpClient gateway, Guid schoolId)
    {
        var response = await gateway.PostAsJsonAsync("/api/staff/staff-members", NewStaffMember(schoolId));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    public static Guid Id(this JsonNode node) => Guid.Parse((string)node["id"]!);
}
