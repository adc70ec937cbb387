using GLA.Identity.Model;
using GLA.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GLA.Identity.Infrastructure;

/// <summary>
/// Brings the provider's own data up to date at start-up: roles, the registered clients
/// (from configuration, so a secret can be rotated by restarting), and, on the very first
/// run, one trust administrator invited to choose a password.
/// </summary>
public static class Seeder
{
    public static async Task SeedAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Seeder");

        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in GlaRoles.People)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole<Guid>(role));
        }

        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in configuration.GetSection("Identity:Clients").GetChildren())
        {
            await UpsertAsync(applications, WebClient(client));
        }
        foreach (var client in MachineClients.All(configuration))
        {
            await UpsertAsync(applications, MachineClient(client));
        }

        await InviteFirstAdministratorAsync(services, configuration, logger);
    }

    /// <summary>A web application signing people in (authorization code with PKCE, refresh tokens).</summary>
    private static OpenIddictApplicationDescriptor WebClient(IConfigurationSection client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.Key,
            ClientSecret = client["Secret"] ?? throw new InvalidOperationException($"Identity:Clients:{client.Key}:Secret is missing."),
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = client["DisplayName"] ?? client.Key,
        };
        foreach (var uri in client.GetSection("RedirectUris").Get<string[]>() ?? []) descriptor.RedirectUris.Add(new Uri(uri));
        foreach (var uri in client.GetSection("PostLogoutRedirectUris").Get<string[]>() ?? []) descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession, Permissions.Endpoints.Revocation,
            Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile, Permissions.Scopes.Email, Permissions.Scopes.Roles,
            .. GlaApis.All.Select(api => Permissions.Prefixes.Scope + api)]);
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor MachineClient(MachineClient client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.Secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.DisplayName,
        };
        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials,
            .. client.Scopes.Select(scope => Permissions.Prefixes.Scope + scope)]);
        return descriptor;
    }

    private static async Task UpsertAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor)
    {
        var existing = await applications.FindByClientIdAsync(descriptor.ClientId!);
        if (existing is null) await applications.CreateAsync(descriptor);
        else await applications.UpdateAsync(existing, descriptor);
    }

    private static async Task InviteFirstAdministratorAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        var users = services.GetRequiredService<UserManager<Account>>();
        if ((await users.GetUsersInRoleAsync(GlaRoles.TrustAdmin)).Count > 0) return;

        var email = configuration["Identity:AdminEmail"] ?? "admin@trust.example";
        var admin = await users.FindByEmailAsync(email) ?? new Account { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Trust administrator" };
        if (admin.Id == Guid.Empty || await users.FindByIdAsync(admin.Id.ToString()) is null)
        {
            var created = await users.CreateAsync(admin);
            if (!created.Succeeded) throw new InvalidOperationException("Cannot create the first administrator: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(admin, GlaRoles.TrustAdmin);
        var invitations = services.GetRequiredService<Invitations>();
        var link = invitations.Create(admin);
        await services.GetRequiredService<AccountsDbContext>().SaveChangesAsync();
        await invitations.SendAsync(admin, link, CancellationToken.None);
        // Shown once: the link works once, and later runs find an administrator and stay quiet.
        logger.LogWarning("First run: the trust administrator {Email} chooses a password at {Link} (also written to {Mailbox})",
            email, link, services.GetRequiredService<Mailbox>().Folder);
    }
}
