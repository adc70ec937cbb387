using System.Text.Json.Serialization;
using GLA.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every GLA service shares: telemetry, health, service discovery, resilience and
/// problem details. Shaped like an Aspire ServiceDefaults project so each service would
/// run unchanged under a real Aspire AppHost.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        // Every error leaves a service as RFC 9457 problem details, including unhandled ones.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.TraceId.ToString()));

        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOpenApi();
        // Enums travel as their names ("Teaching"), which a person can read and a client can send.
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        // The gateway is the only caller; it forwards the user's scheme, host and address.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(MessagingTelemetry.SourceName)
                .AddSource("MassTransit")
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthPath) &&
                        !context.Request.Path.StartsWithSegments(AlivePath))
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        // Export only where an OTLP collector is configured (the Aspire convention).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Readiness: every registered check (database, broker, storage).
        // Open to anyone who can reach the service: orchestrators and the gateway ask without a token.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        // Liveness: the process answers.
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) }).AllowAnonymous();
        // The service's own description (/openapi/v1.json). The gateway does not route it: it is
        // for developers and for the authorisation matrix test, which checks every endpoint listed.
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    /// <summary>The middleware every service runs first, in this order.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
