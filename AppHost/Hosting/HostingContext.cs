using System.Reflection;

namespace GLA.AppHost.Hosting;

/// <summary>Where things live for one run of the AppHost.</summary>
public sealed class HostingContext
{
    public required string RepositoryRoot { get; init; }
    /// <summary>Data for the servers; persistent for a developer, a temporary folder in tests.</summary>
    public required string DataDirectory { get; init; }
    public required ResourceLog Log { get; init; }
    /// <summary>"docker" (or "podman") when a container runtime answers; null runs local processes.</summary>
    public string? ContainerRuntime { get; init; }
    public string Environment { get; init; } = "Development";
    /// <summary>False in tests: servers may trade crash safety for speed.</summary>
    public bool Durable { get; init; } = true;
    public string PidDirectory => Path.Combine(DataDirectory, ".pids");

    public static string BuildConfiguration =>
        typeof(HostingContext).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";

    public string DataFor(string resourceName)
    {
        var path = Path.Combine(DataDirectory, resourceName);
        // Servers run as their own users when we are root, so they must be able to reach their folders.
        const UnixFileMode open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(DataDirectory);
        File.SetUnixFileMode(DataDirectory, open);
        if (!Directory.Exists(path)) Directory.CreateDirectory(path, open);
        return path;
    }

    /// <summary>The folder holding GLA.sln, found by walking up from where the AppHost runs.</summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GLA.sln")))
            {
                return dir.FullName;
            }
        }
        throw new PrerequisiteMissingException("Cannot find GLA.sln above " + AppContext.BaseDirectory + ": run the AppHost from the repository.");
    }
}

/// <summary>Something the machine lacks; the AppHost prints the message and how to fix it, not a stack trace.</summary>
public sealed class PrerequisiteMissingException(string message) : Exception(message);
