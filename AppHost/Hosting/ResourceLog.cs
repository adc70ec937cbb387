using System.Collections.Concurrent;

namespace GLA.AppHost.Hosting;

/// <summary>
/// Every process's output, one line at a time, prefixed with its resource's name. Keeps the
/// last lines of each so a failure can say what the process said before it died.
/// </summary>
public sealed class ResourceLog(TextWriter output, bool colours)
{
    private static readonly ConsoleColor[] Palette =
        [ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta, ConsoleColor.Blue, ConsoleColor.DarkCyan, ConsoleColor.DarkGreen, ConsoleColor.DarkYellow];
    private readonly ConcurrentDictionary<string, Queue<string>> _recent = new();
    private readonly ConcurrentDictionary<string, ConsoleColor> _colourOf = new();
    private readonly Lock _gate = new();
    private int _width = 10;

    public void Write(string source, string line)
    {
        var recent = _recent.GetOrAdd(source, _ => new Queue<string>());
        lock (recent)
        {
            recent.Enqueue(line);
            if (recent.Count > 40) recent.Dequeue();
        }
        lock (_gate)
        {
            _width = Math.Max(_width, source.Length);
            if (colours)
            {
                Console.ForegroundColor = _colourOf.GetOrAdd(source, _ => Palette[_colourOf.Count % Palette.Length]);
                output.Write(source.PadRight(_width));
                Console.ResetColor();
                output.WriteLine(" | " + line);
            }
            else
            {
                output.WriteLine($"{source.PadRight(_width)} | {line}");
            }
        }
    }

    public void Info(string line) => Write("apphost", line);

    public string Recent(string source)
    {
        if (!_recent.TryGetValue(source, out var recent)) return "(no output)";
        lock (recent) return string.Join(System.Environment.NewLine, recent);
    }

    /// <summary>Writes a block (such as the table of resources) without prefixes.</summary>
    public void Block(string text)
    {
        lock (_gate) output.WriteLine(text);
    }
}
