using GLA.AppHost;
using GLA.AppHost.Hosting;
using GLA.Tests.Identity;
using Npgsql;

[assembly: AssemblyFixture(typeof(GLA.Tests.SystemFixture))]

namespace GLA.Tests;

/// <summary>
/// The whole system, started once for the test run by the AppHost's own code: real
/// PostgreSQL, RabbitMQ and Azurite, the four services and the gateway on free ports, with
/// data in a temporary folder. Tests reach it through the gateway, as users do.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("gla-tests-").FullName;
    private StreamWriter? _logFile;

    public const string AdminEmail = "admin@trust.example";
    public const string Password = "a long test passphrase";
    public const string ProviderClientId = "test-provider";
    public const string ProviderSecret = "test-provider-secret-for-the-test-run";
    public const string FederationSecret = "federation-secret-for-the-test-run";
    public const string ExternalProviderName = "Ashgrove Trust Entra ID";

    public DistributedApplication App { get; private set; } = null!;
    /// <summary>The gateway, signed in as the trust administrator the first run invited.</summary>
    public HttpClient Gateway { get; private set; } = null!;
    /// <summary>The gateway with no token at all.</summary>
    public HttpClient Anonymous { get; private set; } = null!;
    public SignInClient SignIn { get; private set; } = null!;
    public Uri GatewayAddress { get; private set; } = null!;
    public string LogPath => Path.Combine(_dataDirectory, "system.log");
    public string DataDirectory => _dataDirectory;

    public PostgresServerResource Postgres => App.Get<PostgresServerResource>("postgres");
    public RabbitMQServerResource Broker => App.Get<RabbitMQServerResource>("messaging");

    public async ValueTask InitializeAsync()
    {
        _logFile = new StreamWriter(LogPath) { AutoFlush = true };
        var context = new HostingContext
        {
            RepositoryRoot = HostingContext.FindRepositoryRoot(),
            DataDirectory = _dataDirectory,
            Log = new ResourceLog(TextWriter.Synchronized(_logFile), colours: false),
            ContainerRuntime = ContainerRuntime.Detect(),
            Durable = false,
        };
        var identitySettings = new Dictionary<string, Func<string, string>>
        {
            [$"Identity__MachineClients__{ProviderClientId}__Secret"] = _ => ProviderSecret,
            [$"Identity__MachineClients__{ProviderClientId}__Scopes__0"] = _ => "training",
            [$"Identity__MachineClients__{ProviderClientId}__Roles__0"] = _ => GLA.ServiceDefaults.Security.GlaRoles.TrainingProvider,
            // "The trust's own provider" is, for the tests, the bundled provider itself under a
            // second client: a real OpenID Connect round trip, matched back by work email.
            ["Identity__External__Authority"] = issuer => issuer,
            ["Identity__External__ClientId"] = _ => "federation",
            ["Identity__External__ClientSecret"] = _ => FederationSecret,
            ["Identity__External__DisplayName"] = _ => ExternalProviderName,
            ["Identity__Clients__federation__Secret"] = _ => FederationSecret,
            ["Identity__Clients__federation__RedirectUris__0"] = issuer => issuer + "account/external/callback",
        };
        App = GlaSystem.Define(new DistributedApplicationBuilder(context), new GlaSystem.Options(GatewayPort: null, IdentitySettings: identitySettings)).Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await App.StartAsync(timeout.Token);
        GatewayAddress = new Uri(App.Get<ProjectResource>("gateway").Endpoints[0]);
        var identity = Path.Combine(_dataDirectory, "identity");
        SignIn = new SignInClient(GatewayAddress, Path.Combine(identity, "mailbox"), File.ReadAllText(Path.Combine(identity, "web-client-secret")).Trim());

        await SignIn.AcceptInvitationAsync(AdminEmail, Password);
        Gateway = ClientWith((await SignIn.SignInAsync(AdminEmail, Password)).AccessToken);
        Anonymous = new HttpClient { BaseAddress = GatewayAddress };
    }

    /// <summary>A client of the gateway that sends this access token.</summary>
    public HttpClient ClientWith(string accessToken) => new()
    {
        BaseAddress = GatewayAddress,
        DefaultRequestHeaders = { Authorization = new("Bearer", accessToken) },
    };

    /// <summary>A connection to one of the services' databases, for checks the API does not expose.</summary>
    public NpgsqlDataSource Database(string name) => NpgsqlDataSource.Create(Postgres.ConnectionStringFor(name));

    /// <summary>A fresh database on the same server, for tests that bring their own schema.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var admin = Database("postgres");
        await using (var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)")) await drop.ExecuteNonQueryAsync();
        await using (var create = admin.CreateCommand($"CREATE DATABASE \"{name}\"")) await create.ExecuteNonQueryAsync();
        return Postgres.ConnectionStringFor(name);
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        Anonymous?.Dispose();
        if (App is not null) await App.DisposeAsync();
        _logFile?.Dispose();
        // GLA_KEEP_TEST_DATA=1 keeps the servers' data and system.log for a look after a failure.
        if (Environment.GetEnvironmentVariable("GLA_KEEP_TEST_DATA") != "1")
        {
            try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
