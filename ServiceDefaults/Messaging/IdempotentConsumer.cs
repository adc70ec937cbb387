using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace GLA.ServiceDefaults.Messaging;

/// <summary>
/// A consumer that applies each message at most once: the message id is recorded in the
/// inbox in the same transaction as the consumer's own change, so a redelivery (broker
/// restart, publisher retry, a second replica) finds it there and changes nothing.
/// Events the handler raises go through the same transaction's outbox.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : DbContext
{
    protected TDbContext Db { get; } = db;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be deduplicated.");
        var consumer = GetType().Name;
        var cancellationToken = context.CancellationToken;

        Db.ChangeTracker.Clear();
        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var handled = await Db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);
        if (handled)
        {
            return;
        }

        await HandleAsync(context.Message, cancellationToken);
        Db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = DateTimeOffset.UtcNow });
        // A concurrent duplicate fails here on the inbox key and is retried, then skipped.
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await AfterCommitAsync(cancellationToken);
    }

    /// <summary>Side effects outside the database (a file, a mail), once the change is safely stored.</summary>
    protected virtual Task AfterCommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Applies the message to the service's own data. Saving is optional: everything commits in one transaction with the inbox record.</summary>
    protected abstract Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
