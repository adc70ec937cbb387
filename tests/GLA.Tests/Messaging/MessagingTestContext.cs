using System.Diagnostics;
using GLA.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GLA.Tests.Messaging;

/// <summary>A tiny service of the tests' own: a tally per name, moved only by events.</summary>
public sealed class MessagingTestContext(DbContextOptions<MessagingTestContext> options) : DbContext(options)
{
    public DbSet<Tally> Tallies => Set<Tally>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tally>().HasKey(t => t.Name);
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class Tally
{
    public required string Name { get; init; }
    public int Count { get; set; }
    public string? LastTraceId { get; set; }
}

public sealed record TallyIncremented(string Name);

public sealed record AlwaysFails(string Name);

/// <summary>Not idempotent by nature (it adds one), so only the inbox keeps a redelivery from counting twice.</summary>
public sealed class TallyIncrementedConsumer(MessagingTestContext db) : IdempotentConsumer<TallyIncremented, MessagingTestContext>(db)
{
    protected override async Task HandleAsync(TallyIncremented message, CancellationToken cancellationToken)
    {
        var tally = await Db.Tallies.FindAsync([message.Name], cancellationToken);
        if (tally is null)
        {
            tally = new Tally { Name = message.Name };
            Db.Tallies.Add(tally);
        }
        tally.Count++;
        tally.LastTraceId = Activity.Current?.TraceId.ToString();
    }
}

public sealed class AlwaysFailsConsumer : IConsumer<AlwaysFails>
{
    public static int Attempts;

    public Task Consume(ConsumeContext<AlwaysFails> context)
    {
        Interlocked.Increment(ref Attempts);
        throw new InvalidOperationException("This consumer always fails.");
    }
}
