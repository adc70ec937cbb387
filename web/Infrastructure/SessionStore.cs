using GLA.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace GLA.Web.Infrastructure;

/// <summary>
/// Keeps each sign-in's ticket (and so its access and refresh tokens) in the database; the
/// browser's cookie carries only a session id. Deleting a person's rows ends their sessions
/// at once, on every replica.
/// </summary>
public sealed class SessionStore(IServiceScopeFactory scopes, IDataProtectionProvider protection) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("GLA.Web.Sessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Guid.NewGuid();
        await RenewAsync(id.ToString(), ticket);
        return id.ToString();
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
        var id = Guid.Parse(key);
        var session = await db.Sessions.FindAsync(id);
        var bytes = _protector.Protect(TicketSerializer.Default.Serialize(ticket));
        if (session is null)
        {
            session = new Session { Id = id, Subject = "", Ticket = bytes };
            db.Sessions.Add(session);
        }
        session.Subject = ticket.Principal.FindFirst(GlaClaims.Subject)?.Value ?? "";
        session.StaffMemberId = ticket.Principal.StaffMemberId();
        session.Ticket = bytes;
        session.ExpiresAt = ticket.Properties.ExpiresUtc;
        session.UpdatedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (!Guid.TryParse(key, out var id)) return null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebDbContext>();
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (session is null || session.ExpiresAt < DateTimeOffset.UtcNow) return null;
        return TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
    }

    public async Task RemoveAsync(string key)
    {
        if (!Guid.TryParse(key, out var id)) return;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebDbContext>().Sessions.Where(s => s.Id == id).ExecuteDeleteAsync();
    }
}
