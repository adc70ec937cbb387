using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GLA.ServiceDefaults.Messaging;

/// <summary>
/// Wakes the dispatcher after a save or commit that wrote outbox messages, so events leave
/// at once rather than at the next poll. A wake-up before the commit is harmless: the
/// dispatcher cannot see uncommitted rows and simply polls again.
/// </summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfUnsent(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        NotifyIfUnsent(eventData.Context);
        return Task.CompletedTask;
    }

    private void NotifyIfUnsent(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.SentAt is null))
        {
            signal.Notify();
        }
    }
}
