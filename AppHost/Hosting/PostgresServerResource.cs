using Npgsql;

namespace GLA.AppHost.Hosting;

/// <summary>
/// One PostgreSQL server holding a database per service. Runs the machine's own
/// PostgreSQL as a private cluster on a free loopback port, or the official image when a
/// container runtime answers.
/// </summary>
public sealed class PostgresServerResource(string name) : Resource(name)
{
    private const string User = "postgres";
    private readonly List<PostgresDatabaseResource> _databases = [];
    private ManagedProcess? _process;

    public int Port { get; private set; }
    public string Password { get; private set; } = "";
    public override IReadOnlyList<ManagedProcess> Processes => _process is null ? [] : [_process];

    public PostgresDatabaseResource AddDatabase(string databaseName)
    {
        var database = new PostgresDatabaseResource(databaseName, this);
        _databases.Add(database);
        return database;
    }

    public string ConnectionStringFor(string? database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = User,
            Password = Password,
            Database = database,
        }.ConnectionString;

    public override Task StartAsync(HostingContext context, CancellationToken cancellationToken)
    {
        var data = context.DataFor(Name);
        Password = Secrets.LoadOrCreate(Path.Combine(data, "password"));
        if (Port == 0) Port = Machine.FreePort();
        var pgdata = Path.Combine(data, "pgdata");

        if (context.ContainerRuntime is { } runtime)
        {
            Directory.CreateDirectory(pgdata);
            _process = new ManagedProcess(Name, runtime,
                ["run", "--rm", "--name", $"gla-{Name}-{Port}", "-p", $"127.0.0.1:{Port}:5432",
                 "-e", $"POSTGRES_PASSWORD={Password}", "-v", $"{pgdata}:/var/lib/postgresql/data", "docker.io/library/postgres:17"],
                context.Log, context.PidDirectory) { StopTimeout = TimeSpan.FromSeconds(30) };
        }
        else
        {
            var bin = FindBinaries();
            if (!File.Exists(Path.Combine(pgdata, "PG_VERSION"))) InitializeCluster(bin, data, pgdata);
            string[] settings = context.Durable
                ? []
                // Tests throw their data away: skip the disk flushes that durability costs.
                : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
            var (file, arguments) = Machine.AsUser(User, Path.Combine(bin, "postgres"),
                ["-D", pgdata, "-p", Port.ToString(), "-k", pgdata, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=400", .. settings]);
            // SIGINT is PostgreSQL's "fast" shutdown: disconnect clients, checkpoint, exit.
            _process = new ManagedProcess(Name, file, arguments, context.Log, context.PidDirectory)
            {
                StopSignal = ManagedProcess.SIGINT,
                Marker = pgdata,
            };
        }
        _process.Start();
        return Task.CompletedTask;
    }

    public override async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        await Machine.WaitUntilAsync(Name, async ct =>
        {
            await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
            await connection.OpenAsync(ct);
            return true;
        }, TimeSpan.FromSeconds(90), () => _process!.HasExited, () => _process!.RecentOutput, cancellationToken);
        await CreateDatabasesAsync(cancellationToken);
    }

    private async Task CreateDatabasesAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync(cancellationToken);
        foreach (var database in _databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", database.Name);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                // Database names come from our own model, never from users.
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    public override IEnumerable<string> Describe()
    {
        yield return $"postgres://127.0.0.1:{Port} (databases: {string.Join(", ", _databases.Select(d => d.Name))})";
    }

    private static string FindBinaries()
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            : Enumerable.Empty<string>();
        var bin = versions.Select(v => Path.Combine(v, "bin")).FirstOrDefault(b => File.Exists(Path.Combine(b, "initdb")))
            ?? Path.GetDirectoryName(Machine.FindOnPath("initdb") ?? "");
        if (string.IsNullOrEmpty(bin) || !File.Exists(Path.Combine(bin, "postgres")))
        {
            throw new PrerequisiteMissingException("PostgreSQL is not installed. Run ./run (it installs what is missing) or: sudo apt-get install postgresql");
        }
        return bin;
    }

    private static void InitializeCluster(string bin, string data, string pgdata)
    {
        Directory.CreateDirectory(pgdata);
        var passwordFile = Path.Combine(data, "initdb-password");
        File.WriteAllText(passwordFile, Secrets.LoadOrCreate(Path.Combine(data, "password")));
        try
        {
            Machine.GiveTo(User, data);
            var (file, arguments) = Machine.AsUser(User, Path.Combine(bin, "initdb"),
                ["-D", pgdata, "-U", User, "--auth=scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--no-locale", "--no-sync"]);
            var (exitCode, output) = Machine.Run(file, arguments);
            if (exitCode != 0) throw new ResourceFailedException($"initdb failed:\n{output}");
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}

public sealed class PostgresDatabaseResource(string name, PostgresServerResource server) : IResourceWithConnectionString
{
    public string Name { get; } = name;
    public Resource Owner => server;
    public string ConnectionString => server.ConnectionStringFor(Name);
}
