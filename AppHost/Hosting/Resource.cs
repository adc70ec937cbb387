namespace GLA.AppHost.Hosting;

/// <summary>
/// Something the AppHost runs or provides, after Aspire's resource model: it has a name,
/// waits for the resources it depends on, and reports when it is healthy.
/// </summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;
    public List<Resource> WaitsFor { get; } = [];

    /// <summary>The processes that make up this resource while it runs (replicas for projects).</summary>
    public virtual IReadOnlyList<ManagedProcess> Processes => [];

    public abstract Task StartAsync(HostingContext context, CancellationToken cancellationToken);
    public abstract Task WaitUntilHealthyAsync(CancellationToken cancellationToken);
    public virtual async Task StopAsync()
    {
        foreach (var process in Processes.Reverse())
        {
            await process.StopAsync();
        }
    }

    /// <summary>Rows for the table the AppHost prints once everything is up.</summary>
    public abstract IEnumerable<string> Describe();
}

/// <summary>A resource others reach through a connection string (ConnectionStrings__name).</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }
    string ConnectionString { get; }
    Resource Owner { get; }
}
