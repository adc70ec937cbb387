namespace GLA.AppHost.Hosting;

/// <summary>
/// Azure Storage's local emulator (blob service), from the project's npm packages or its
/// image. A real storage account replaces it by configuration alone.
/// </summary>
public sealed class AzuriteResource(string name) : Resource(name)
{
    // Azurite's published development account: it exists only inside the emulator.
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private ManagedProcess? _process;

    public int BlobPort { get; private set; }
    public override IReadOnlyList<ManagedProcess> Processes => _process is null ? [] : [_process];

    public AzuriteBlobsResource AddBlobs(string blobsName) => new(blobsName, this);

    public string BlobConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevAccount};";

    public override Task StartAsync(HostingContext context, CancellationToken cancellationToken)
    {
        var data = context.DataFor(Name);
        if (BlobPort == 0) BlobPort = Machine.FreePort();
        if (context.ContainerRuntime is { } runtime)
        {
            _process = new ManagedProcess(Name, runtime,
                ["run", "--rm", "--name", $"gla-{Name}-{BlobPort}", "-p", $"127.0.0.1:{BlobPort}:10000", "-v", $"{data}:/data",
                 "mcr.microsoft.com/azure-storage/azurite", "azurite-blob", "--blobHost", "0.0.0.0", "--location", "/data", "--skipApiVersionCheck", "--disableTelemetry"],
                context.Log, context.PidDirectory);
        }
        else
        {
            var script = Path.Combine(context.RepositoryRoot, "node_modules", "azurite", "dist", "src", "blob", "main.js");
            var node = Machine.FindOnPath("node");
            if (!File.Exists(script) || node is null)
            {
                throw new PrerequisiteMissingException("Azurite is not installed. Run ./run (it installs what is missing) or: npm ci (needs Node.js: apt-get install nodejs npm)");
            }
            _process = new ManagedProcess(Name, node,
                [script, "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(), "--location", data, "--skipApiVersionCheck", "--silent", "--disableTelemetry"],
                context.Log, context.PidDirectory) { Marker = data };
        }
        _process.Start();
        return Task.CompletedTask;
    }

    public override Task WaitUntilHealthyAsync(CancellationToken cancellationToken) =>
        Machine.WaitUntilAsync(Name, async ct =>
        {
            using var http = new HttpClient();
            // Any answer from the blob endpoint (even 'unauthorised') means it is serving.
            using var response = await http.GetAsync($"http://127.0.0.1:{BlobPort}/{DevAccount}?comp=list", ct);
            return true;
        }, TimeSpan.FromSeconds(60), () => _process!.HasExited, () => _process!.RecentOutput, cancellationToken);

    public override IEnumerable<string> Describe()
    {
        yield return $"http://127.0.0.1:{BlobPort}/{DevAccount} (blob)";
    }
}

public sealed class AzuriteBlobsResource(string name, AzuriteResource storage) : IResourceWithConnectionString
{
    public string Name { get; } = name;
    public Resource Owner => storage;
    public string ConnectionString => storage.BlobConnectionString;
}
