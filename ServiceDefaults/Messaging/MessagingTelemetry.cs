using System.Diagnostics;

namespace GLA.ServiceDefaults.Messaging;

public static class MessagingTelemetry
{
    public const string SourceName = "GLA.Messaging";
    internal static readonly ActivitySource Source = new(SourceName);
}
