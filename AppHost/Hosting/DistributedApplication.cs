using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace GLA.AppHost.Hosting;

public sealed class DistributedApplicationBuilder(HostingContext context)
{
    private readonly List<Resource> _resources = [];

    public HostingContext Context { get; } = context;

    public PostgresServerResource AddPostgres(string name) => Add(new PostgresServerResource(name));
    public RabbitMQServerResource AddRabbitMQ(string name) => Add(new RabbitMQServerResource(name));
    public AzuriteResource AddAzurite(string name) => Add(new AzuriteResource(name));
    public ProjectResource AddProject(string name, string projectPath) => Add(new ProjectResource(name, projectPath));

    private T Add<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => r.Name == resource.Name)) throw new ArgumentException($"A resource named {resource.Name} exists already.");
        _resources.Add(resource);
        return resource;
    }

    public List<string> Notes { get; } = [];

    public DistributedApplication Build()
    {
        var app = new DistributedApplication(Context, _resources);
        app.Notes.AddRange(Notes);
        return app;
    }
}

/// <summary>
/// Starts every resource once the ones it waits for are healthy, prints where each runs,
/// and stops them all (newest first) on Ctrl-C, SIGTERM, or when one of them dies.
/// </summary>
public sealed class DistributedApplication(HostingContext context, IReadOnlyList<Resource> resources) : IAsyncDisposable
{
    private readonly List<Resource> _started = [];
    private readonly CancellationTokenSource _shutdown = new();
    private string? _failure;

    public HostingContext Context { get; } = context;
    public IReadOnlyList<Resource> Resources { get; } = resources;
    /// <summary>Lines for people printed under the table (where to find things).</summary>
    public List<string> Notes { get; } = [];

    public T Get<T>(string name) where T : Resource => Resources.OfType<T>().Single(r => r.Name == name);

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ManagedProcess.StopOrphans(Context.PidDirectory, Context.Log);
        foreach (var project in Resources.OfType<ProjectResource>()) project.AllocateEndpoints();

        var clock = Stopwatch.StartNew();
        var healthy = new Dictionary<Resource, Task>();
        Task StartWhenReady(Resource resource) => healthy.TryGetValue(resource, out var task) ? task : healthy[resource] = Start(resource);
        async Task Start(Resource resource)
        {
            await Task.WhenAll(resource.WaitsFor.Select(StartWhenReady));
            lock (_started) _started.Add(resource);
            await resource.StartAsync(Context, cancellationToken);
            await resource.WaitUntilHealthyAsync(cancellationToken);
            Context.Log.Info($"{resource.Name} is healthy ({clock.Elapsed.TotalSeconds:0.0} s)");
        }

        try
        {
            await Task.WhenAll(Resources.Select(StartWhenReady).ToList());
        }
        catch
        {
            await StopAsync();
            throw;
        }
        foreach (var process in Resources.SelectMany(r => r.Processes))
        {
            process.ExitedUnexpectedly += OnExitedUnexpectedly;
        }
        Context.Log.Block(Table(clock.Elapsed));
    }

    /// <summary>Runs until Ctrl-C, SIGTERM or the death of a process, then stops everything.</summary>
    public async Task<int> RunAsync()
    {
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        await StartAsync(_shutdown.Token);
        try { await Task.Delay(Timeout.Infinite, _shutdown.Token); } catch (OperationCanceledException) { }
        Context.Log.Info(_failure ?? "stopping");
        await StopAsync();
        return _failure is null ? 0 : 1;
    }

    /// <summary>Stops one resource, for tests that take the broker away and bring it back.</summary>
    public async Task StopResourceAsync(string name)
    {
        var resource = Resources.Single(r => r.Name == name);
        foreach (var process in resource.Processes) process.ExitedUnexpectedly -= OnExitedUnexpectedly;
        await resource.StopAsync();
    }

    public async Task StartResourceAsync(string name, CancellationToken cancellationToken = default)
    {
        var resource = Resources.Single(r => r.Name == name);
        await resource.StartAsync(Context, cancellationToken);
        await resource.WaitUntilHealthyAsync(cancellationToken);
        foreach (var process in resource.Processes) process.ExitedUnexpectedly += OnExitedUnexpectedly;
    }

    public async Task StopAsync()
    {
        List<Resource> started;
        lock (_started) { started = [.. _started]; _started.Clear(); }
        foreach (var process in started.SelectMany(r => r.Processes)) process.ExitedUnexpectedly -= OnExitedUnexpectedly;
        // Newest first: the gateway and services before the servers they use.
        foreach (var resource in Enumerable.Reverse(started))
        {
            try { await resource.StopAsync(); }
            catch (Exception ex) { Context.Log.Info($"stopping {resource.Name} failed: {ex.Message}"); }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _shutdown.Dispose();
    }

    private void OnSignal(PosixSignalContext signal)
    {
        signal.Cancel = true;
        _shutdown.Cancel();
    }

    private void OnExitedUnexpectedly(ManagedProcess process, int exitCode)
    {
        _failure ??= $"{process.LogName} exited with code {exitCode}; stopping everything. Its last output:\n{process.RecentOutput}";
        try { _shutdown.Cancel(); } catch (ObjectDisposedException) { }
    }

    private string Table(TimeSpan elapsed)
    {
        var table = new StringBuilder();
        table.AppendLine();
        table.AppendLine($"GLA is running ({elapsed.TotalSeconds:0.0} s to healthy){(Context.ContainerRuntime is { } runtime ? $" with {runtime} containers" : "")}");
        table.AppendLine(new string('-', 72));
        foreach (var resource in Resources)
        {
            foreach (var (where, i) in resource.Describe().Select((w, i) => (w, i)))
            {
                table.AppendLine($"  {(i == 0 ? resource.Name : ""),-12} {where}");
            }
        }
        table.AppendLine(new string('-', 72));
        foreach (var note in Notes) table.AppendLine(note);
        foreach (var entry in Resources.OfType<ProjectResource>().Where(p => p.IsExternal))
        {
            table.AppendLine($"Open {entry.Endpoints[0]}  (Ctrl-C stops everything)");
        }
        return table.ToString();
    }
}
