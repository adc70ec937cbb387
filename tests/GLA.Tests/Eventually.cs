namespace GLA.Tests;

/// <summary>Waits for something asynchronous (an event crossing services) to become true.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}.");
            await Task.Delay(50);
        }
    }

    public static Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? what = null) =>
        GetAsync<object>(async () => await condition() ? new object() : null, timeout, what);
}
