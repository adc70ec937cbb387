using GLA.AppHost.Hosting;

namespace GLA.Tests.AppHost;

public sealed class ProjectResourceTests
{
    private static HostingContext Context(string root) => new()
    {
        RepositoryRoot = root,
        DataDirectory = Path.Combine(root, "data"),
        Log = new ResourceLog(TextWriter.Null, colours: false),
    };

    [Fact]
    public async Task Project_that_is_not_built_is_reported_as_a_missing_prerequisite()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        var project = new ProjectResource("ghost", "services/Ghost/Ghost.csproj");

        var error = await Assert.ThrowsAsync<PrerequisiteMissingException>(() => project.StartAsync(Context(root), CancellationToken.None));

        Assert.Contains("not built", error.Message);
    }

    [Fact]
    public void Each_replica_gets_its_own_endpoint()
    {
        var project = new ProjectResource("staff", "services/Staff/Staff.csproj").WithReplicas(3);

        project.AllocateEndpoints();

        Assert.Equal(3, project.Endpoints.Distinct().Count());
        Assert.All(project.Endpoints, e => Assert.StartsWith("http://127.0.0.1:", e));
    }

    [Fact]
    public void Fixed_port_in_use_is_a_clear_error()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        var gateway = new ProjectResource("gateway", "gateway/Gateway.csproj").WithHttpEndpoint(port);

        var error = Assert.Throws<PrerequisiteMissingException>(gateway.AllocateEndpoints);

        Assert.Contains($"Port {port} is already in use", error.Message);
    }
}
