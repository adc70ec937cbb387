namespace GLA.AppHost.Hosting;

/// <summary>
/// A .NET project of this repository run as one or more processes (replicas), each told
/// where its references are in Aspire's configuration conventions.
/// </summary>
public sealed class ProjectResource(string name, string projectPath) : Resource(name)
{
    private readonly List<IResourceWithConnectionString> _connections = [];
    private readonly List<ProjectResource> _services = [];
    private readonly Dictionary<string, Func<string>> _environment = [];
    private readonly List<ManagedProcess> _processes = [];
    private int? _fixedPort;
    private int _replicas = 1;

    public string ProjectPath { get; } = projectPath;
    public IReadOnlyList<string> Endpoints { get; private set; } = [];
    /// <summary>Users reach it (the gateway), at a fixed port or, in tests, a free one.</summary>
    public bool IsExternal { get; private set; }
    public override IReadOnlyList<ManagedProcess> Processes => _processes;

    /// <summary>Passes ConnectionStrings__{name}.</summary>
    public ProjectResource WithReference(IResourceWithConnectionString resource)
    {
        _connections.Add(resource);
        return this;
    }

    /// <summary>Passes services__{name}__http__{i} for every replica, for service discovery.</summary>
    public ProjectResource WithReference(ProjectResource service)
    {
        _services.Add(service);
        return this;
    }

    public ProjectResource WaitFor(Resource resource)
    {
        WaitsFor.Add(resource);
        return this;
    }

    public ProjectResource WaitFor<T>(T resource) where T : IResourceWithConnectionString => WaitFor(resource.Owner);

    public ProjectResource WithEnvironment(string key, string value) => WithEnvironment(key, () => value);

    /// <summary>A value known only once ports are allocated (another resource's address), read at start.</summary>
    public ProjectResource WithEnvironment(string key, Func<string> value)
    {
        _environment[key] = value;
        return this;
    }

    /// <summary>The port users reach; without it every replica takes a free one.</summary>
    public ProjectResource WithHttpEndpoint(int? port)
    {
        _fixedPort = port;
        IsExternal = true;
        return this;
    }

    public ProjectResource WithReplicas(int replicas)
    {
        _replicas = Math.Max(1, replicas);
        return this;
    }

    /// <summary>Ports are chosen before anything starts, so dependents know them in advance.</summary>
    public void AllocateEndpoints()
    {
        if (Endpoints.Count > 0) return;
        if (_fixedPort is { } port && !Machine.PortIsFree(port))
        {
            throw new PrerequisiteMissingException($"Port {port} is already in use, so {Name} cannot listen there. Stop what uses it or choose another port with --port.");
        }
        // What users open is http://localhost:port; internal replicas stay on 127.0.0.1.
        var host = IsExternal ? "localhost" : "127.0.0.1";
        Endpoints = Enumerable.Range(0, _replicas)
            .Select(i => $"http://{host}:{(i == 0 && _fixedPort is { } fixedPort ? fixedPort : Machine.FreePort())}")
            .ToList();
    }

    public override Task StartAsync(HostingContext context, CancellationToken cancellationToken)
    {
        AllocateEndpoints();
        var assembly = Path.Combine(context.RepositoryRoot, Path.GetDirectoryName(ProjectPath)!, "bin", HostingContext.BuildConfiguration,
            "net10.0", Path.GetFileNameWithoutExtension(ProjectPath) + ".dll");
        if (!File.Exists(assembly))
        {
            throw new PrerequisiteMissingException($"{assembly} is not built. Run ./run, or dotnet build GLA.sln, first.");
        }

        _processes.Clear();
        for (var replica = 0; replica < Endpoints.Count; replica++)
        {
            var environment = new Dictionary<string, string>(_environment.Select(e => KeyValuePair.Create(e.Key, e.Value())))
            {
                ["ASPNETCORE_URLS"] = Endpoints[replica],
                ["ASPNETCORE_ENVIRONMENT"] = context.Environment,
                ["DOTNET_ENVIRONMENT"] = context.Environment,
                ["OTEL_SERVICE_NAME"] = Name,
                ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Name}-{replica}",
                ["Logging__Console__FormatterName"] = "simple",
                ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            };
            if (System.Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } otlp)
            {
                environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
            }
            foreach (var connection in _connections)
            {
                environment[$"ConnectionStrings__{connection.Name}"] = connection.ConnectionString;
            }
            foreach (var service in _services)
            {
                for (var i = 0; i < service.Endpoints.Count; i++)
                {
                    environment[$"services__{service.Name}__http__{i}"] = service.Endpoints[i];
                }
            }
            var logName = Endpoints.Count == 1 ? Name : $"{Name}-{replica}";
            var process = new ManagedProcess(logName, "dotnet", [assembly], context.Log, context.PidDirectory,
                Path.GetDirectoryName(assembly), environment) { Marker = assembly, StopTimeout = TimeSpan.FromSeconds(20) };
            process.Start();
            _processes.Add(process);
        }
        return Task.CompletedTask;
    }

    public override async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        await Task.WhenAll(_processes.Select((process, i) => Machine.WaitUntilAsync(process.LogName, async ct =>
        {
            using var response = await http.GetAsync(Endpoints[i] + "/health", ct);
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(120), () => process.HasExited, () => process.RecentOutput, cancellationToken)));
    }

    public override IEnumerable<string> Describe() => Endpoints;
}
