using GLA.ServiceDefaults.Messaging;
using GLA.ServiceDefaults.Security;
using GLA.Staff.Imports;
using GLA.Staff.Infrastructure;

namespace GLA.Staff.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<StaffDbContext>("staffdb");
        builder.AddMessaging<StaffDbContext>();
        builder.AddServiceAuthentication(GlaApis.Staff);
        builder.Services.AddValidation();
        builder.Services.AddScoped<ImportProcessor>();
        builder.Services.AddSingleton<ImportSignal>();
        builder.Services.AddHostedService<ImportWorker>();
    }
}
