using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace GLA.ServiceDefaults.Messaging;

public static class OutboxModel
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds the outbox and inbox tables to a service's model; call from OnModelCreating.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable("outbox_messages");
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).UseIdentityAlwaysColumn();
            outbox.HasIndex(m => m.MessageId).IsUnique();
            outbox.Property(m => m.MessageType).HasMaxLength(500);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            outbox.Property(m => m.TraceParent).HasMaxLength(100);
            // The dispatcher reads only what is unsent, oldest first.
            outbox.HasIndex(m => m.Id).HasFilter("sent_at IS NULL").HasDatabaseName("ix_outbox_messages_unsent");
        });
        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable("inbox_messages");
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.Consumer).HasMaxLength(200);
        });
        return modelBuilder;
    }

    /// <summary>
    /// Queues an integration event to be published once the surrounding SaveChanges commits.
    /// </summary>
    public static OutboxMessage AddIntegrationEvent<TEvent>(this DbContext db, TEvent integrationEvent) where TEvent : class
    {
        var message = new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = TypeName(typeof(TEvent)),
            Body = JsonSerializer.Serialize(integrationEvent, Json),
            TraceParent = Activity.Current?.Id,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Set<OutboxMessage>().Add(message);
        return message;
    }

    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    internal static Type ResolveType(string typeName) =>
        Type.GetType(typeName, throwOnError: false)
        ?? throw new InvalidOperationException($"Outbox message type '{typeName}' is not known to this service.");
}
