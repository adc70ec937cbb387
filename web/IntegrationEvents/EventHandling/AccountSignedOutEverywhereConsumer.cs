using GLA.Contracts.Identity;
using GLA.ServiceDefaults.Messaging;
using GLA.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GLA.Web.IntegrationEvents.EventHandling;

/// <summary>"Sign out everywhere": every session of that account ends, on every browser and replica.</summary>
public sealed class AccountSignedOutEverywhereConsumer(WebDbContext db) : IdempotentConsumer<AccountSignedOutEverywhere, WebDbContext>(db)
{
    protected override async Task HandleAsync(AccountSignedOutEverywhere message, CancellationToken cancellationToken)
    {
        var subject = message.AccountId.ToString();
        Db.Sessions.RemoveRange(await Db.Sessions.Where(s => s.Subject == subject).ToListAsync(cancellationToken));
    }
}
