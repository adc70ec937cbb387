namespace GLA.AppHost.Hosting;

/// <summary>
/// Containers where a runtime answers, the machine's own servers where none does.
/// GLA_CONTAINER_RUNTIME=none (or docker, podman) overrides the choice.
/// </summary>
public static class ContainerRuntime
{
    public static string? Detect()
    {
        var choice = Environment.GetEnvironmentVariable("GLA_CONTAINER_RUNTIME");
        if (string.Equals(choice, "none", StringComparison.OrdinalIgnoreCase)) return null;
        foreach (var runtime in choice is { Length: > 0 } ? [choice] : new[] { "docker", "podman" })
        {
            if (Machine.FindOnPath(runtime) is null) continue;
            // The client alone is not enough: the engine must answer.
            var (exitCode, _) = Machine.Run(runtime, ["info", "--format", "{{.ServerVersion}}"], TimeSpan.FromSeconds(10));
            if (exitCode == 0) return runtime;
        }
        return null;
    }
}
