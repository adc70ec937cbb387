using GLA.AppHost.Hosting;

namespace GLA.AppHost;

/// <summary>
/// The whole system, in Aspire's resource model: what runs, what each part references,
/// and what it waits for. The AppHost and the end-to-end tests both start exactly this.
/// </summary>
public static class GlaSystem
{
    /// <param name="IdentitySettings">
    /// Extra settings for the identity provider, each computed from the issuer (the gateway's
    /// address), e.g. Identity__MachineClients__{id}__Secret for a client-credentials caller or
    /// Identity__External__Authority for a trust's own provider.
    /// </param>
    public sealed record Options(int? GatewayPort = 8080, IReadOnlyDictionary<string, int>? Replicas = null,
        IReadOnlyDictionary<string, Func<string, string>>? IdentitySettings = null);

    public static DistributedApplicationBuilder Define(DistributedApplicationBuilder builder, Options options)
    {
        int ReplicasOf(string name) => options.Replicas?.GetValueOrDefault(name, 1) ?? 1;

        var postgres = builder.AddPostgres("postgres");
        var staffDb = postgres.AddDatabase("staffdb");
        var appraisalDb = postgres.AddDatabase("appraisaldb");
        var trainingDb = postgres.AddDatabase("trainingdb");
        var evidenceDb = postgres.AddDatabase("evidencedb");
        var identityDb = postgres.AddDatabase("identitydb");
        var webDb = postgres.AddDatabase("webdb");
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

        // The bundled OpenID Connect provider. Users reach it through the gateway, so the
        // gateway's address is the issuer every token names and every service checks.
        var identityData = builder.Context.DataFor("identity");
        var webClientSecret = Secrets.LoadOrCreate(Path.Combine(identityData, "web-client-secret"));
        var identity = Service("identity", "services/Identity/Identity.csproj", identityDb)
            .WithEnvironment("Identity__KeysPath", Path.Combine(identityData, "keys"))
            .WithEnvironment("Identity__MailboxPath", Path.Combine(identityData, "mailbox"))
            .WithEnvironment("Identity__Clients__web__Secret", webClientSecret)
            .WithEnvironment("Identity__Clients__web__DisplayName", "GLA web");
        // Trust IT's scripts and integrations (the MIS import, for one) call the APIs as this
        // machine client, with the client-credentials flow.
        var trustItSecret = Secrets.LoadOrCreate(Path.Combine(identityData, "trust-it-secret"));
        identity
            .WithEnvironment("Identity__MachineClients__trust-it__Secret", trustItSecret)
            .WithEnvironment("Identity__MachineClients__trust-it__DisplayName", "Trust IT integrations")
            .WithEnvironment("Identity__MachineClients__trust-it__Scopes__0", "staff")
            .WithEnvironment("Identity__MachineClients__trust-it__Scopes__1", "identity")
            .WithEnvironment("Identity__MachineClients__trust-it__Roles__0", "trust-admin"); // GlaRoles.TrustAdmin: the AppHost references no service code
        // The Blazor web app: the OIDC client people use, reached only through the gateway.
        var web = Service("web", "web/Web.csproj", webDb)
            .WithEnvironment("Web__ClientId", "web")
            .WithEnvironment("Web__ClientSecret", webClientSecret);

        var gateway = builder.AddProject("gateway", "gateway/Gateway.csproj").WithHttpEndpoint(options.GatewayPort);
        string Issuer() => gateway.Endpoints[0] + "/";
        identity
            .WithEnvironment("Identity__Clients__web__RedirectUris__0", () => Issuer() + "signin-oidc")
            .WithEnvironment("Identity__Clients__web__PostLogoutRedirectUris__0", () => Issuer() + "signout-callback-oidc");
        foreach (var (key, value) in options.IdentitySettings ?? new Dictionary<string, Func<string, string>>())
        {
            identity.WithEnvironment(key, () => value(Issuer()));
        }
        foreach (var service in new[] { staff, appraisal, training, evidence, identity, web })
        {
            service.WithEnvironment("Identity__Issuer", Issuer);
            gateway.WithReference(service).WaitFor(service);
        }
        gateway.WithEnvironment("Identity__Issuer", Issuer);
        builder.Notes.Add($"Mailbox (invitations, password resets; the first run's administrator invitation): {Path.Combine(identityData, "mailbox")}");
        builder.Notes.Add($"API client for trust IT scripts: client id trust-it, secret in {Path.Combine(identityData, "trust-it-secret")}");
        return builder;
    }
}
