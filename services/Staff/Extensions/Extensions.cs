using GLA.ServiceDefaults.Messaging;
using GLA.ServiceDefaults.Security;
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
    }
}
