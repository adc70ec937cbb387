using GLA.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's own PostgreSQL database. The connection string's name is the
    /// AppHost resource's name (e.g. "staffdb").
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{connectionName}' is missing: set ConnectionStrings__{connectionName} (the AppHost does this).");

        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddDbContext<TDbContext>((services, options) => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>()));
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>(connectionName, tags: ["ready"]);
        return builder;
    }

    /// <summary>Brings the database schema up to date before the service takes traffic.</summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this WebApplication app) where TDbContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Migrations");
        // Creating the history table first spares a first run the 'relation does not exist' error EF logs.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        // EF Core takes a database lock while migrating, so replicas starting together are safe.
        await db.Database.MigrateAsync();
        logger.LogInformation("Database {Database} is up to date", db.Database.GetDbConnection().Database);
    }
}
