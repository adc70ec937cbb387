using System.Net;
using System.Net.Sockets;

namespace GLA.AppHost.Hosting;

/// <summary>Small facts about the machine the servers need.</summary>
public static class Machine
{
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>A loopback port nobody listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException) { return false; }
    }

    /// <summary>
    /// The command line that runs a server as its own system user when we are root
    /// (PostgreSQL refuses root; RabbitMQ's files belong to its user). setpriv execs the
    /// program, so the process we hold is the server itself and our signals reach it.
    /// </summary>
    public static (string FileName, List<string> Arguments) AsUser(string user, string program, IEnumerable<string> arguments)
    {
        if (!IsRoot) return (program, arguments.ToList());
        return ("setpriv", ["--reuid", user, "--regid", user, "--init-groups", "--", program, .. arguments]);
    }

    public static void GiveTo(string user, string path)
    {
        if (!IsRoot) return;
        Run("chown", ["-R", $"{user}:{user}", path]);
    }

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    /// <summary>Runs a short command to completion; returns its exit code and output.</summary>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new System.Diagnostics.ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        try
        {
            using var process = System.Diagnostics.Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{program} timed out");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, $"{program}: {ex.Message}");
        }
    }

    /// <summary>Polls until <paramref name="probe"/> succeeds, or explains what never answered.</summary>
    public static async Task WaitUntilAsync(string what, Func<CancellationToken, Task<bool>> probe, TimeSpan timeout,
        Func<bool> hasDied, Func<string> recentOutput, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (hasDied())
            {
                throw new ResourceFailedException($"{what} exited while starting. Its last output:\n{recentOutput()}");
            }
            try
            {
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromSeconds(5));
                if (await probe(attempt.Token)) return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Not ready yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new ResourceFailedException($"{what} was not healthy after {timeout.TotalSeconds:0} s. Its last output:\n{recentOutput()}");
            }
            await Task.Delay(250, cancellationToken);
        }
    }
}

public sealed class ResourceFailedException(string message) : Exception(message);
