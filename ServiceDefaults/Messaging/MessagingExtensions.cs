using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GLA.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>The AppHost resource name of the broker, and so the connection string's name.</summary>
    public const string BrokerConnectionName = "messaging";

    /// <summary>
    /// Connects the service to RabbitMQ through MassTransit, publishing from the outbox of
    /// <typeparamref name="TDbContext"/>. Each consumer gets a durable queue named after
    /// the service and the message (e.g. appraisal-staff-member-joined), shared by replicas.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TDbContext>(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? addConsumers = null) where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(BrokerConnectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{BrokerConnectionName}' is missing: set ConnectionStrings__{BrokerConnectionName} to an amqp:// URI (the AppHost does this).");
        var broker = new Uri(connectionString);
        var serviceName = builder.Environment.ApplicationName.ToLowerInvariant();

        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.AddHostedService<OutboxDispatcher<TDbContext>>();
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            // Start without the broker; the outbox keeps events until it is back.
            options.WaitUntilStarted = false;
            options.StopTimeout = TimeSpan.FromSeconds(10);
        });

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            addConsumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
                // Transient failures are retried with back-off; then the message goes to <queue>_error.
                endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(400))));
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker, host =>
                {
                    var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
                    if (credentials is [{ Length: > 0 } user, var password])
                    {
                        host.Username(user);
                        host.Password(password);
                    }
                    host.PublisherConfirmation = true;
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
