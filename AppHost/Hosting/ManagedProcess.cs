using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GLA.AppHost.Hosting;

/// <summary>
/// One child process: started with its environment, its output streamed to the log under
/// its name, stopped with a signal it understands and killed if it does not listen.
/// A pid file lets the next run clean up after an AppHost that was killed outright.
/// </summary>
public sealed partial class ManagedProcess
{
    public const int SIGINT = 2, SIGKILL = 9, SIGTERM = 15;

    private readonly ProcessStartInfo _startInfo;
    private readonly ResourceLog _log;
    private readonly string _pidFile;
    private Process? _process;
    private volatile bool _stopping;

    public ManagedProcess(string logName, string fileName, IEnumerable<string> arguments, ResourceLog log, string pidDirectory,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        LogName = logName;
        _log = log;
        _pidFile = Path.Combine(pidDirectory, logName + ".pid");
        _startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) _startInfo.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) _startInfo.Environment[key] = value;
    }

    public string LogName { get; }
    /// <summary>Text in the running program's command line that identifies it, for orphan clean-up.</summary>
    public string? Marker { get; init; }
    /// <summary>The signal that asks this program for a clean shutdown.</summary>
    public int StopSignal { get; init; } = SIGTERM;
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(15);
    public int? Pid => _process?.Id;
    public string RecentOutput => _log.Recent(LogName);
    public bool HasExited => _process is null || _process.HasExited;
    public int? ExitCode => _process is { HasExited: true } p ? p.ExitCode : null;

    /// <summary>Raised when the process ends without having been asked to stop.</summary>
    public event Action<ManagedProcess, int>? ExitedUnexpectedly;

    public void Start()
    {
        _stopping = false;
        var process = new Process { StartInfo = _startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) _log.Write(LogName, e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _log.Write(LogName, e.Data); };
        process.Exited += (_, _) =>
        {
            TryDelete(_pidFile);
            if (!_stopping) ExitedUnexpectedly?.Invoke(this, process.ExitCode);
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PrerequisiteMissingException($"Cannot start {_startInfo.FileName} for {LogName}: {ex.Message}");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Directory.CreateDirectory(Path.GetDirectoryName(_pidFile)!);
        File.WriteAllText(_pidFile, $"{process.Id}\n{Marker ?? Path.GetFileName(_startInfo.FileName)}");
    }

    public async Task StopAsync()
    {
        var process = _process;
        if (process is null || process.HasExited) return;
        _stopping = true;
        _ = kill(process.Id, StopSignal);
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _log.Info($"{LogName} did not stop within {StopTimeout.TotalSeconds:0} s; killing it");
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            await process.WaitForExitAsync();
        }
        TryDelete(_pidFile);
    }

    /// <summary>Stops processes a previous, killed AppHost left behind in this data folder.</summary>
    public static void StopOrphans(string pidDirectory, ResourceLog log)
    {
        if (!Directory.Exists(pidDirectory)) return;
        foreach (var pidFile in Directory.GetFiles(pidDirectory, "*.pid"))
        {
            var lines = File.ReadAllLines(pidFile);
            if (lines.Length >= 2 && int.TryParse(lines[0], out var pid) && IsRunning(pid, lines[1]))
            {
                log.Info($"stopping {Path.GetFileNameWithoutExtension(pidFile)} (pid {pid}) left from an earlier run");
                _ = kill(pid, SIGTERM);
                for (var i = 0; i < 100 && IsRunning(pid, lines[1]); i++) Thread.Sleep(100);
                if (IsRunning(pid, lines[1])) _ = kill(pid, SIGKILL);
            }
            TryDelete(pidFile);
        }
    }

    private static bool IsRunning(int pid, string marker)
    {
        try
        {
            // A recycled pid would belong to another program: compare what it runs.
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
            return cmdline.Replace('\0', ' ').Contains(marker, StringComparison.Ordinal);
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
