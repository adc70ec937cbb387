using GLA.Training.Infrastructure;
using GLA.Training.IntegrationEvents.EventHandling;
using GLA.ServiceDefaults.Messaging;
using GLA.ServiceDefaults.Security;

namespace GLA.Training.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TrainingDbContext>("trainingdb");
        builder.AddMessaging<TrainingDbContext>(bus =>
        {
            bus.AddConsumer<StaffMemberJoinedConsumer>();
            bus.AddConsumer<AppraiserAssignedConsumer>();
            bus.AddConsumer<StaffMemberDetailsChangedConsumer>();
            bus.AddConsumer<StaffMemberMovedConsumer>();
        });
        builder.AddServiceAuthentication(GlaApis.Training);
        builder.Services.AddValidation();
    }
}
