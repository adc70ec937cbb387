using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace GLA.Gateway;

/// <summary>
/// Expands a destination such as http://staff into one destination per endpoint that
/// service discovery knows (services__staff__http__0, __1, ...), so YARP balances over
/// replicas. The same job as Microsoft.Extensions.ServiceDiscovery.Yarp, which is not
/// obtainable here; swap this class for that package where it is.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var endpoints = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
            if (endpoints.ChangeToken is { } changeToken) changeTokens.Add(changeToken);
            foreach (var endpoint in endpoints.Endpoints)
            {
                var text = endpoint.ToString()!;
                var target = new Uri(text.Contains("://") ? text : $"{address.Scheme}://{text}");
                var uri = new UriBuilder(address) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
                resolved[$"{name}[{text}]"] = destination with { Address = uri.ToString() };
            }
        }
        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }
}
