using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GLA.Evidence.Infrastructure;

/// <summary>
/// Evidence files live in blob storage (Azurite locally, a storage account in production:
/// only the "blobs" connection string differs).
/// </summary>
public static class BlobStorage
{
    public const string ConnectionName = "blobs";
    public const string ContainerName = "evidence";

    public static void AddBlobStorage(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing: set ConnectionStrings__{ConnectionName} (the AppHost does this).");
        builder.Services.AddSingleton(new BlobServiceClient(connectionString));
        builder.Services.AddSingleton(services => services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(ContainerName));
        builder.Services.AddHealthChecks().AddCheck<BlobStorageHealthCheck>(ConnectionName, tags: ["ready"]);
    }

    public static async Task EnsureBlobContainerAsync(this WebApplication app)
    {
        var container = app.Services.GetRequiredService<BlobContainerClient>();
        await container.CreateIfNotExistsAsync();
    }
}

internal sealed class BlobStorageHealthCheck(BlobContainerClient container) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await container.ExistsAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The evidence container is missing.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("Blob storage does not answer.", ex);
        }
    }
}
