using System.Net;
using System.Net.Sockets;

namespace GLA.Tests.Identity;

/// <summary>
/// HTTP clients that connect from a chosen loopback address (127.0.0.x), so the gateway sees
/// different callers as different client addresses, as it would on a real network.
/// </summary>
public static class LoopbackAddress
{
    public static IPAddress Random() => new([127, 0, (byte)System.Random.Shared.Next(1, 255), (byte)System.Random.Shared.Next(2, 255)]);

    public static SocketsHttpHandler Handler(IPAddress source, CookieContainer? cookies = null) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = cookies is not null,
        CookieContainer = cookies ?? new CookieContainer(),
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
