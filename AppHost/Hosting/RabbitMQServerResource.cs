using System.Net.Sockets;

namespace GLA.AppHost.Hosting;

/// <summary>
/// The message broker. Runs the machine's RabbitMQ as a private node (its own ports, data,
/// Erlang port mapper and cookie) or the official image when a container runtime answers.
/// </summary>
public sealed class RabbitMQServerResource(string name) : Resource(name), IResourceWithConnectionString
{
    private const string User = "rabbitmq";
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private ManagedProcess? _process;
    private int _distPort, _epmdPort;

    public int Port { get; private set; }
    public string Password { get; private set; } = "";
    public Resource Owner => this;
    public override IReadOnlyList<ManagedProcess> Processes => _process is null ? [] : [_process];
    public string ConnectionString => $"amqp://gla:{Password}@127.0.0.1:{Port}/";

    public override Task StartAsync(HostingContext context, CancellationToken cancellationToken)
    {
        var data = context.DataFor(Name);
        Password = Secrets.LoadOrCreate(Path.Combine(data, "password"));
        // Ports stay the same across a restart, so connected services find it again.
        if (Port == 0) (Port, _distPort, _epmdPort) = (Machine.FreePort(), Machine.FreePort(), Machine.FreePort());

        if (context.ContainerRuntime is { } runtime)
        {
            _process = new ManagedProcess(Name, runtime,
                ["run", "--rm", "--name", $"gla-{Name}-{Port}", "-p", $"127.0.0.1:{Port}:5672",
                 "-e", "RABBITMQ_DEFAULT_USER=gla", "-e", $"RABBITMQ_DEFAULT_PASS={Password}",
                 "-v", $"{Path.Combine(data, "mnesia")}:/var/lib/rabbitmq", "docker.io/library/rabbitmq:3-management"],
                context.Log, context.PidDirectory) { StopTimeout = TimeSpan.FromSeconds(30) };
            _process.Start();
            return Task.CompletedTask;
        }

        if (!File.Exists(ServerScript))
        {
            throw new PrerequisiteMissingException("RabbitMQ is not installed. Run ./run (it installs what is missing) or: sudo apt-get install rabbitmq-server");
        }
        foreach (var folder in new[] { "mnesia", "log", "home" }) Directory.CreateDirectory(Path.Combine(data, folder));
        File.WriteAllText(Path.Combine(data, "rabbitmq.conf"), $"""
            listeners.tcp.default = 127.0.0.1:{Port}
            default_user = gla
            default_pass = {Password}
            loopback_users = none
            log.console = true
            log.console.level = warning
            log.file = false
            """);
        File.WriteAllText(Path.Combine(data, "enabled_plugins"), "[].");
        Machine.GiveTo(User, data);

        var environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = "gla@localhost",
            ["RABBITMQ_NODE_PORT"] = Port.ToString(),
            ["RABBITMQ_DIST_PORT"] = _distPort.ToString(),
            // A port mapper of our own: no clash with a system-wide RabbitMQ or another run.
            ["ERL_EPMD_PORT"] = _epmdPort.ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(data, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(data, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(data, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(data, "enabled_plugins"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(data, "rabbitmq.pid"),
            ["HOME"] = Path.Combine(data, "home"),
        };
        var (file, arguments) = Machine.AsUser(User, ServerScript, []);
        _process = new ManagedProcess(Name, file, arguments, context.Log, context.PidDirectory, data, environment)
        {
            StopTimeout = TimeSpan.FromSeconds(30),
            Marker = "rabbitmq-server",
        };
        _process.ExitedUnexpectedly += (_, _) => StopPortMapper();
        _process.Start();
        return Task.CompletedTask;
    }

    public override Task WaitUntilHealthyAsync(CancellationToken cancellationToken) =>
        Machine.WaitUntilAsync(Name, SpeaksAmqpAsync, TimeSpan.FromSeconds(120),
            () => _process!.HasExited, () => _process!.RecentOutput, cancellationToken);

    public override async Task StopAsync()
    {
        await base.StopAsync();
        StopPortMapper();
    }

    /// <summary>Ready once the broker answers the AMQP 0-9-1 protocol header with connection.start.</summary>
    private async Task<bool> SpeaksAmqpAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), cancellationToken);
        var frameType = new byte[1];
        return await stream.ReadAsync(frameType, cancellationToken) == 1 && frameType[0] == 1;
    }

    private void StopPortMapper()
    {
        if (_epmdPort != 0 && Machine.FindOnPath("epmd") is { } epmd)
        {
            Machine.Run(epmd, ["-port", _epmdPort.ToString(), "-kill"], TimeSpan.FromSeconds(10));
        }
    }

    public override IEnumerable<string> Describe()
    {
        yield return $"amqp://127.0.0.1:{Port} (user gla)";
    }
}
