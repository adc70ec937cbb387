using GLA.AppHost.Hosting;

namespace GLA.AppHost;

/// <summary>
/// The whole system, in Aspire's resource model: what runs, what each part references,
/// and what it waits for. The AppHost and the end-to-end tests both start exactly this.
/// </summary>
public static class GlaSystem
{
    public sealed record Options(int? GatewayPort = 8080, IReadOnlyDictionary<string, int>? Replicas = null);

    public static DistributedApplicationBuilder Define(DistributedApplicationBuilder builder, Options options)
    {
        int ReplicasOf(string name) => options.Replicas?.GetValueOrDefault(name, 1) ?? 1;

        var postgres = builder.AddPostgres("postgres");
        var staffDb = postgres.AddDatabase("staffdb");
        var appraisalDb = postgres.AddDatabase("appraisaldb");
        var trainingDb = postgres.AddDatabase("trainingdb");
        var evidenceDb = postgres.AddDatabase("evidencedb");
        var messaging = builder.AddRabbitMQ("messaging");
        var blobs = builder.AddAzurite("storage").AddBlobs("blobs");

        ProjectResource Service(string name, string path, IResourceWithConnectionString database) =>
            builder.AddProject(name, path)
                .WithReference(database).WaitFor(database)
                .WithReference(messaging).WaitFor(messaging)
                .WithReplicas(ReplicasOf(name));

        var staff = Service("staff", "services/Staff/Staff.csproj", staffDb);
        var appraisal = Service("appraisal", "services/Appraisal/Appraisal.csproj", appraisalDb);
        var training = Service("training", "services/Training/Training.csproj", trainingDb);
        var evidence = Service("evidence", "services/Evidence/Evidence.csproj", evidenceDb)
            .WithReference(blobs).WaitFor(blobs);

        var gateway = builder.AddProject("gateway", "gateway/Gateway.csproj").WithHttpEndpoint(options.GatewayPort);
        foreach (var service in new[] { staff, appraisal, training, evidence })
        {
            gateway.WithReference(service).WaitFor(service);
        }
        return builder;
    }
}
