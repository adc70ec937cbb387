using GLA.AppHost;
using GLA.AppHost.Hosting;

// dotnet run --project AppHost [-- --port 8080] [--replicas staff=3] [--data .gla/data]
var port = 8080;
var dataDirectory = (string?)null;
var replicas = new Dictionary<string, int>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port" when i + 1 < args.Length && int.TryParse(args[i + 1], out var p): port = p; i++; break;
        case "--data" when i + 1 < args.Length: dataDirectory = args[++i]; break;
        case "--replicas" when i + 1 < args.Length && args[i + 1].Split('=') is [var name, var count] && int.TryParse(count, out var n):
            replicas[name] = n; i++; break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: AppHost [--port N] [--replicas service=N]... [--data DIR]");
            return 2;
    }
}

try
{
    var root = HostingContext.FindRepositoryRoot();
    var log = new ResourceLog(Console.Out, colours: !Console.IsOutputRedirected);
    var context = new HostingContext
    {
        RepositoryRoot = root,
        DataDirectory = Path.GetFullPath(dataDirectory ?? Path.Combine(root, ".gla", "data")),
        Log = log,
        ContainerRuntime = ContainerRuntime.Detect(),
    };
    var builder = GlaSystem.Define(new DistributedApplicationBuilder(context), new GlaSystem.Options(port, replicas));
    await using var app = builder.Build();
    var exitCode = await app.RunAsync();
    return exitCode;
}
catch (PrerequisiteMissingException ex)
{
    Console.Error.WriteLine($"Cannot start GLA: {ex.Message}");
    return 3;
}
catch (ResourceFailedException ex)
{
    Console.Error.WriteLine($"GLA did not start: {ex.Message}");
    return 1;
}
