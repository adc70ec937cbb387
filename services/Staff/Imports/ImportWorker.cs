using GLA.Staff.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GLA.Staff.Imports;

/// <summary>
/// Takes queued imports one at a time (replicas share them: a job is claimed with SKIP LOCKED)
/// and resumes one whose worker stopped mid-way.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportSignal signal, ILogger<ImportWorker> logger) : BackgroundService
{
    /// <summary>A running job not heard from for this long is taken to have lost its worker.</summary>
    private static readonly TimeSpan Abandoned = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await RunNextAsync(stoppingToken))
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "An import stopped unexpectedly; it will be resumed");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
        var stale = DateTimeOffset.UtcNow - Abandoned;
        var claimed = await db.Database.SqlQuery<Guid>($"""
            UPDATE import_jobs SET status = 'Running', started_at = coalesce(started_at, now()), heartbeat_at = now()
            WHERE id = (SELECT id FROM import_jobs
                        WHERE status = 'Queued' OR (status = 'Running' AND heartbeat_at < {stale})
                        ORDER BY queued_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id AS "Value"
            """).ToListAsync(cancellationToken);
        if (claimed.Count == 0) return false;

        var job = await db.ImportJobs.SingleAsync(j => j.Id == claimed[0], cancellationToken);
        logger.LogInformation("Importing {FileName} ({JobId})", job.FileName, job.Id);
        await scope.ServiceProvider.GetRequiredService<ImportProcessor>().RunAsync(job, cancellationToken);
        logger.LogInformation("Import {JobId}: {Created} new, {Updated} updated, {Unchanged} unchanged, {Errors} rows refused",
            job.Id, job.Created, job.Updated, job.Unchanged, job.Errors.Count);
        return true;
    }
}

/// <summary>Wakes the worker when an upload arrives.</summary>
public sealed class ImportSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try { _semaphore.Release(); } catch (SemaphoreFullException) { }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
