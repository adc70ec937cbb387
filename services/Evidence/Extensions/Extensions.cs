using GLA.Evidence.Infrastructure;
using GLA.Evidence.IntegrationEvents.EventHandling;
using GLA.ServiceDefaults.Messaging;
using GLA.ServiceDefaults.Security;

namespace GLA.Evidence.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<EvidenceDbContext>("evidencedb");
        builder.AddMessaging<EvidenceDbContext>(bus =>
        {
            bus.AddConsumer<StaffMemberJoinedConsumer>();
            bus.AddConsumer<AppraiserAssignedConsumer>();
            bus.AddConsumer<StaffMemberDetailsChangedConsumer>();
            bus.AddConsumer<StaffMemberMovedConsumer>();
        });
        builder.AddBlobStorage();
        builder.AddServiceAuthentication(GlaApis.Evidence);
        builder.Services.AddValidation();
    }
}
