using GLA.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GLA.Web.Infrastructure;

/// <summary>
/// The web app's own small database: signed-in sessions (with their tokens, kept here rather
/// than in the browser) and the keys that protect cookies, shared by every replica.
/// </summary>
public sealed class WebDbContext(DbContextOptions<WebDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Session>(session =>
        {
            session.HasIndex(s => s.StaffMemberId);
            session.HasIndex(s => s.Subject);
            session.HasIndex(s => s.ExpiresAt);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}

/// <summary>One signed-in browser: the cookie holds only this id; the tokens stay on the server.</summary>
public sealed class Session
{
    public Guid Id { get; init; }
    public required string Subject { get; set; }
    public Guid? StaffMemberId { get; set; }
    /// <summary>The authentication ticket, serialised and protected with the data-protection keys.</summary>
    public required byte[] Ticket { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
