using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace GLA.Gateway;

internal static class GatewayExtensions
{
    public static void AddGateway(this WebApplicationBuilder builder)
    {
        builder.AddEdgeSecurity();
        var proxy = builder.Configuration.GetSection("ReverseProxy");
        builder.Services.AddReverseProxy().LoadFromConfig(proxy);
        // Cluster addresses like http://staff name services; discovery spreads them over replicas.
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();

        var cap = builder.Configuration.GetValue("Gateway:MaxRequestBodyBytes", 10L * 1024 * 1024);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = cap);

        // The gateway is ready when every service it routes to is.
        builder.Services.AddHttpClient(ServiceHealthCheck.HttpClientName);
        var health = builder.Services.AddHealthChecks();
        foreach (var cluster in proxy.GetSection("Clusters").GetChildren())
        {
            health.Add(new HealthCheckRegistration(cluster.Key,
                services => new ServiceHealthCheck(services.GetRequiredService<IHttpClientFactory>(), cluster.Key),
                HealthStatus.Unhealthy, ["ready"], TimeSpan.FromSeconds(10)));
        }
    }

    /// <summary>Refuses an over-long body at once, as problem details, before proxying a byte of it.</summary>
    public static void UseRequestSizeCap(this WebApplication app)
    {
        var cap = app.Configuration.GetValue("Gateway:MaxRequestBodyBytes", 10L * 1024 * 1024);
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > cap)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = 413, Title = "The request is too large.", Detail = $"Requests may be at most {cap / (1024 * 1024)} MB." },
                });
                return;
            }
            await next(context);
        });
    }
}

/// <summary>Asks one service's own /health (database, broker) through service discovery.</summary>
internal sealed class ServiceHealthCheck(IHttpClientFactory httpClients, string service) : IHealthCheck
{
    public const string HttpClientName = "service-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync($"http://{service}/health", cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{service} reports {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{service} does not answer.", ex);
        }
    }
}
