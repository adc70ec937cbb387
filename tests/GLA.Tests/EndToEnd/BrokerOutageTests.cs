using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace GLA.Tests.EndToEnd;

/// <summary>
/// With RabbitMQ stopped the Staff API still takes joiners; their events wait in the
/// outbox and, once the broker is back, reach every service exactly once.
/// </summary>
public sealed class BrokerOutageTests(SystemFixture system)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Joiners_added_while_the_broker_is_down_arrive_exactly_once_when_it_returns()
    {
        var school = await system.Gateway.CreateSchoolAsync();
        var joiners = new List<Guid>();

        await system.App.StopResourceAsync("messaging");
        try
        {
            for (var i = 0; i < 5; i++)
            {
                var response = await system.Gateway.PostAsJsonAsync("/api/staff/staff-members", Api.NewStaffMember(school.Id()), Cancel);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                joiners.Add((await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>(Cancel))!.Id());
            }
            Assert.Equal(5, (await OutboxMessageIdsAsync(joiners, sentOnly: false)).Count);
        }
        finally
        {
            await system.App.StartResourceAsync("messaging", Cancel);
        }

        var published = await Eventually.GetAsync(async () =>
        {
            var sent = await OutboxMessageIdsAsync(joiners, sentOnly: true);
            return sent.Count == joiners.Count ? sent : null;
        }, TimeSpan.FromSeconds(90), "the outbox to publish every event");

        foreach (var service in new[] { "appraisal", "training", "evidence" })
        {
            foreach (var id in joiners)
            {
                await Eventually.TrueAsync(async () => (await system.Gateway.GetAsync($"/api/{service}/staff-members/{id}")).IsSuccessStatusCode,
                    TimeSpan.FromSeconds(60), $"{service} to hold {id}");
            }
            // Every event handled, and each exactly once.
            var handled = await HandledMessageIdsAsync($"{service}db", published);
            Assert.Equal(published.Order(), handled.Order());
            Assert.Equal(joiners.Count, await CountStaffAsync($"{service}db", joiners));
        }
    }

    private async Task<List<Guid>> OutboxMessageIdsAsync(List<Guid> staffMemberIds, bool sentOnly)
    {
        await using var db = system.Database("staffdb");
        await using var command = db.CreateCommand(
            "SELECT message_id FROM outbox_messages WHERE (body->>'staffMemberId')::uuid = ANY(@ids)" + (sentOnly ? " AND sent_at IS NOT NULL" : ""));
        command.Parameters.AddWithValue("ids", staffMemberIds.ToArray());
        return await ReadGuidsAsync(command);
    }

    private async Task<List<Guid>> HandledMessageIdsAsync(string database, List<Guid> messageIds)
    {
        await using var db = system.Database(database);
        await using var command = db.CreateCommand("SELECT message_id FROM inbox_messages WHERE message_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", messageIds.ToArray());
        return await ReadGuidsAsync(command);
    }

    private async Task<long> CountStaffAsync(string database, List<Guid> staffMemberIds)
    {
        await using var db = system.Database(database);
        await using var command = db.CreateCommand("SELECT count(*) FROM staff_members WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", staffMemberIds.ToArray());
        return (long)(await command.ExecuteScalarAsync(Cancel))!;
    }

    private static async Task<List<Guid>> ReadGuidsAsync(NpgsqlCommand command)
    {
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel)) ids.Add(reader.GetGuid(0));
        return ids;
    }
}
