namespace GLA.Identity.Infrastructure;

/// <summary>
/// Programs that call GLA as themselves (a course provider, a trust IT integration), using the
/// client-credentials flow. Configured under Identity:MachineClients:{clientId}.
/// </summary>
public sealed record MachineClient(string ClientId, string Secret, string DisplayName, string[] Scopes, string[] Roles);

public static class MachineClients
{
    public static IEnumerable<MachineClient> All(IConfiguration configuration) =>
        configuration.GetSection("Identity:MachineClients").GetChildren()
            .Where(client => !string.IsNullOrEmpty(client["Secret"]))
            .Select(client => new MachineClient(
                client.Key,
                client["Secret"]!,
                client["DisplayName"] ?? client.Key,
                client.GetSection("Scopes").Get<string[]>() ?? [],
                client.GetSection("Roles").Get<string[]>() ?? []));

    public static MachineClient? Find(IConfiguration configuration, string clientId) =>
        All(configuration).FirstOrDefault(c => c.ClientId == clientId);
}
