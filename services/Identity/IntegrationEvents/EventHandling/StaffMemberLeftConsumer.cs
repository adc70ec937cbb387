using GLA.Contracts.Staff;
using GLA.Identity.Infrastructure;
using GLA.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace GLA.Identity.IntegrationEvents.EventHandling;

/// <summary>
/// A leaver's account is disabled at once: no sign-in, no refresh (their refresh tokens are
/// revoked), and their sign-in cookie fails its next security-stamp check. An access token
/// already issued runs to its expiry, which is short (15 minutes by default).
/// </summary>
public sealed class StaffMemberLeftConsumer(AccountsDbContext db, IOpenIddictTokenManager tokens)
    : IdempotentConsumer<StaffMemberLeft, AccountsDbContext>(db)
{
    protected override async Task HandleAsync(StaffMemberLeft left, CancellationToken cancellationToken)
    {
        var account = await Db.Users.FirstOrDefaultAsync(a => a.StaffMemberId == left.StaffMemberId, cancellationToken);
        if (account is null) return;
        account.IsDisabled = true;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        _subject = account.Id.ToString();
    }

    private string? _subject;

    protected override async Task AfterCommitAsync(CancellationToken cancellationToken)
    {
        // Revoking is idempotent, so a redelivery that finds the message handled needs no second pass.
        if (_subject is not null) await tokens.RevokeBySubjectAsync(_subject, cancellationToken);
    }
}
