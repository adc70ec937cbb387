using System.Diagnostics;
using GLA.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace GLA.Tests.Messaging;

/// <summary>
/// A host of the tests' own, wired exactly as a service is (AddServiceDatabase, AddMessaging),
/// against the real PostgreSQL and RabbitMQ the system fixture started.
/// </summary>
public sealed class MessagingHost(SystemFixture system) : IAsyncLifetime
{
    public const string ServiceName = "messaging-tests";
    public IHost Host { get; private set; } = null!;
    public SystemFixture System { get; } = system;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await System.CreateDatabaseAsync("messagingtests");
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { ApplicationName = ServiceName, EnvironmentName = "Testing" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["ConnectionStrings:messagingtests"] = connectionString;
        builder.Configuration["ConnectionStrings:messaging"] = System.Broker.ConnectionString;
        builder.AddServiceDatabase<MessagingTestContext>("messagingtests");
        builder.AddMessaging<MessagingTestContext>(bus =>
        {
            // One at a time, so a later message proves the earlier ones were handled.
            bus.AddConsumer<TallyIncrementedConsumer>().Endpoint(endpoint => endpoint.ConcurrentMessageLimit = 1);
            bus.AddConsumer<AlwaysFailsConsumer>();
        });
        Host = builder.Build();
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MessagingTestContext>().Database.EnsureCreatedAsync();
        }
        await Host.StartAsync();
        var health = await Host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        Assert.Equal(BusHealthStatus.Healthy, health);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}

/// <summary>The shared outbox and inbox that every service uses.</summary>
public sealed class OutboxAndInboxTests(MessagingHost messaging) : IClassFixture<MessagingHost>, IDisposable
{
    private const string ServiceName = MessagingHost.ServiceName;
    private static readonly ActivitySource Source = new("GLA.Tests");
    private readonly ActivityListener _listener = Listen();
    private readonly IHost _host = messaging.Host;
    private readonly SystemFixture system = messaging.System;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "GLA.Tests" or MessagingTelemetry.SourceName or "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    public void Dispose() => _listener.Dispose();

    private MessagingTestContext NewDb() => _host.Services.CreateScope().ServiceProvider.GetRequiredService<MessagingTestContext>();

    private static IQueryable<OutboxMessage> OutboxFor(MessagingTestContext db, string name) =>
        db.Set<OutboxMessage>().FromSql($"SELECT * FROM outbox_messages WHERE body->>'name' = {name}");

    private async Task<Tally?> TallyAsync(string name)
    {
        await using var db = NewDb();
        return await db.Tallies.AsNoTracking().FirstOrDefaultAsync(t => t.Name == name);
    }

    [Fact]
    public async Task Event_saved_with_its_change_is_published_marked_sent_and_consumed()
    {
        var name = $"committed-{Guid.NewGuid()}";
        await using (var db = NewDb())
        {
            db.AddIntegrationEvent(new TallyIncremented(name));
            await db.SaveChangesAsync(Cancel);
        }

        var tally = await Eventually.GetAsync(() => TallyAsync(name), what: "the event to be consumed");
        Assert.Equal(1, tally.Count);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = NewDb();
            return await OutboxFor(db, name).AnyAsync(m => m.SentAt != null);
        }, what: "the outbox message to be marked sent");
    }

    [Fact]
    public async Task Rolled_back_change_leaves_no_event_behind()
    {
        var name = $"rolled-back-{Guid.NewGuid()}";
        await using (var db = NewDb())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
            db.Tallies.Add(new Tally { Name = name });
            db.AddIntegrationEvent(new TallyIncremented(name));
            await db.SaveChangesAsync(Cancel);
            await transaction.RollbackAsync(Cancel);
        }

        await using var check = NewDb();
        Assert.False(await OutboxFor(check, name).AnyAsync(Cancel));
        Assert.Null(await TallyAsync(name));
    }

    [Fact]
    public async Task Redelivered_message_is_applied_once()
    {
        var name = $"redelivered-{Guid.NewGuid()}";
        var messageId = NewId.NextGuid();
        var bus = _host.Services.GetRequiredService<IBus>();

        // The same message three times, as a broker redelivery or a re-publish after a crash would.
        for (var i = 0; i < 3; i++)
        {
            await bus.Publish(new TallyIncremented(name), context => context.MessageId = messageId, Cancel);
        }
        var sentinel = $"sentinel-{Guid.NewGuid()}";
        await bus.Publish(new TallyIncremented(sentinel), Cancel);

        await Eventually.GetAsync(() => TallyAsync(sentinel), what: "the messages to be handled");
        Assert.Equal(1, (await TallyAsync(name))!.Count);
    }

    [Fact]
    public async Task Trace_continues_from_the_request_through_the_outbox_to_the_consumer()
    {
        var name = $"traced-{Guid.NewGuid()}";
        string traceId;
        using (var request = Source.StartActivity("request"))
        {
            traceId = request!.TraceId.ToString();
            await using var db = NewDb();
            db.AddIntegrationEvent(new TallyIncremented(name));
            await db.SaveChangesAsync(Cancel);
        }

        var tally = await Eventually.GetAsync(() => TallyAsync(name), what: "the event to be consumed");
        Assert.Equal(traceId, tally.LastTraceId);
    }

    [Fact]
    public async Task Failing_message_is_retried_then_moved_to_the_error_queue()
    {
        var before = AlwaysFailsConsumer.Attempts;
        await _host.Services.GetRequiredService<IBus>().Publish(new AlwaysFails("poison"), Cancel);

        var errorQueue = new KebabCaseEndpointNameFormatter(ServiceName, false).Consumer<AlwaysFailsConsumer>() + "_error";
        var factory = new ConnectionFactory { Uri = new Uri(system.Broker.ConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(Cancel);
        await Eventually.TrueAsync(async () =>
        {
            // A passive declare of a missing queue closes the channel, so each look takes a new one.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancel);
            try { return (await channel.QueueDeclarePassiveAsync(errorQueue, Cancel)).MessageCount >= 1; }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException) { return false; }
        }, TimeSpan.FromSeconds(60), "the message to reach " + errorQueue);
        // The first attempt and five retries.
        Assert.Equal(6, AlwaysFailsConsumer.Attempts - before);
    }
}
