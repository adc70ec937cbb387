namespace GLA.ServiceDefaults.Messaging;

/// <summary>
/// An integration event waiting to be published, stored in the same transaction as the
/// change that caused it so that neither exists without the other.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; private set; }
    public Guid MessageId { get; init; }
    /// <summary>"Namespace.Type, Assembly" of the event record.</summary>
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    /// <summary>W3C traceparent of the request that raised the event, so the trace crosses the broker.</summary>
    public string? TraceParent { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
}

/// <summary>A message a consumer has handled, recorded in the same transaction as its effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public required string Consumer { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }
}
