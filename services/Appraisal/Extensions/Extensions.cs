using GLA.Appraisal.Infrastructure;
using GLA.Appraisal.IntegrationEvents.EventHandling;
using GLA.ServiceDefaults.Messaging;
using GLA.ServiceDefaults.Security;

namespace GLA.Appraisal.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AppraisalDbContext>("appraisaldb");
        builder.AddMessaging<AppraisalDbContext>(bus =>
        {
            bus.AddConsumer<StaffMemberJoinedConsumer>();
            bus.AddConsumer<AppraiserAssignedConsumer>();
            bus.AddConsumer<StaffMemberDetailsChangedConsumer>();
            bus.AddConsumer<StaffMemberMovedConsumer>();
        });
        builder.AddServiceAuthentication(GlaApis.Appraisal);
        builder.Services.AddValidation();
    }
}
