using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GLA.ServiceDefaults.Messaging;

/// <summary>
/// Publishes what the outbox holds, oldest first, and marks each message sent once the
/// broker has confirmed it. Several replicas may run this at once: rows are claimed with
/// FOR UPDATE SKIP LOCKED, so each message is published by one of them. A crash between
/// publish and mark means a second publish, which the consumers' inbox absorbs.
/// </summary>
public sealed class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService where TDbContext : DbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var nextCleanup = DateTimeOffset.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishBatchAsync(stoppingToken);
                failures = 0;
                if (DateTimeOffset.UtcNow >= nextCleanup)
                {
                    await CleanupAsync(stoppingToken);
                    nextCleanup = DateTimeOffset.UtcNow + CleanupInterval;
                }
                if (published == BatchSize) continue;
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var backoff = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));
                logger.LogWarning(ex, "Outbox publish failed ({Failures} in a row); retrying in {Backoff}", failures, backoff);
                try { await Task.Delay(backoff, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task<int> PublishBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var batch = await db.Set<OutboxMessage>()
            .FromSql($"SELECT * FROM outbox_messages WHERE sent_at IS NULL ORDER BY id LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);

        try
        {
            foreach (var message in batch)
            {
                message.Attempts++;
                await PublishAsync(message, cancellationToken);
                message.SentAt = DateTimeOffset.UtcNow;
            }
        }
        finally
        {
            // Record what did go out (and the attempt counts) even when one publish failed.
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        return batch.Count;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = OutboxModel.ResolveType(message.MessageType);
        var body = JsonSerializer.Deserialize(message.Body, type, OutboxModel.Json)
            ?? throw new InvalidOperationException($"Outbox message {message.MessageId} has an empty body.");

        // Continue the trace of the request that raised the event.
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = MessagingTelemetry.Source.StartActivity($"outbox publish {type.Name}", ActivityKind.Producer, parent);
        activity?.SetTag("messaging.message.id", message.MessageId);

        // The broker may be down: give up after a while and let the loop back off.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        await bus.Publish(body, type, context => context.MessageId = message.MessageId, timeout.Token);
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = DateTimeOffset.UtcNow;
        var sentBefore = now.AddDays(-7);
        var handledBefore = now.AddDays(-30);
        await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InboxMessage>().Where(m => m.ProcessedAt < handledBefore).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <summary>Wakes the dispatcher as soon as a transaction with new outbox messages commits.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            try { _semaphore.Release(); } catch (SemaphoreFullException) { }
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await _semaphore.WaitAsync(timeout, cancellationToken);
}
