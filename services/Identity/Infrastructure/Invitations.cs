using System.Security.Cryptography;
using System.Text;
using GLA.Identity.Model;
using Microsoft.EntityFrameworkCore;

namespace GLA.Identity.Infrastructure;

/// <summary>One-time links that let a person choose their own password.</summary>
public sealed class Invitations(AccountsDbContext db, Mailbox mailbox, IConfiguration configuration)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    /// <summary>Adds an invitation (stored by the caller's SaveChanges) and returns its link; send it after saving.</summary>
    public string Create(Account account)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        db.Invitations.Add(new Invitation { AccountId = account.Id, TokenHash = Hash(token), ExpiresAt = DateTimeOffset.UtcNow + Lifetime });
        return $"{configuration["Identity:Issuer"]?.TrimEnd('/')}/account/invitation?token={token}";
    }

    public Task SendAsync(Account account, string link, CancellationToken cancellationToken, bool passwordReset = false) =>
        mailbox.SendAsync(account.Email!, passwordReset ? "Choose a new GLA password" : "Your GLA account",
            $"Hello {account.DisplayName},\n\n" +
            (passwordReset ? "Someone asked for a new password for your GLA account. If it was you, choose one here" : "An account has been made for you on GLA. Choose your password here") +
            $" (the link works once, for {Lifetime.Days} days):\n\n{link}\n",
            cancellationToken);

    /// <summary>The open invitation this token belongs to, or null if it is unknown, used or expired.</summary>
    public Task<Invitation?> FindOpenAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(token);
        var now = DateTimeOffset.UtcNow;
        return db.Invitations.Include(i => i.Account)
            .FirstOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now, cancellationToken);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();
}
