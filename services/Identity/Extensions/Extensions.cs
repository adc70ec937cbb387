using GLA.Identity.Infrastructure;
using GLA.Identity.IntegrationEvents.EventHandling;
using GLA.Identity.Model;
using GLA.ServiceDefaults.Messaging;
using GLA.ServiceDefaults.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GLA.Identity.Extensions;

internal static class Extensions
{
    public const string Issuer = "Identity:Issuer";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var issuer = builder.Configuration[Issuer]
            ?? throw new InvalidOperationException("Identity:Issuer is missing: set Identity__Issuer to the public address users reach (the gateway's).");

        builder.AddServiceDatabase<AccountsDbContext>("identitydb");
        builder.AddMessaging<AccountsDbContext>(bus =>
        {
            bus.AddConsumer<StaffMemberJoinedConsumer>();
            bus.AddConsumer<StaffMemberLeftConsumer>();
            bus.AddConsumer<AppraiserAssignedConsumer>();
            bus.AddConsumer<StaffMemberDetailsChangedConsumer>();
            bus.AddConsumer<StaffMemberMovedConsumer>();
        });
        builder.AddServiceAuthentication(GlaApis.Identity);
        builder.Services.AddDataProtection().SetApplicationName("gla-identity").PersistKeysToDbContext<AccountsDbContext>();

        builder.Services.AddIdentity<Account, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireDigit = false;
                // Five wrong passwords lock the account for 15 minutes.
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = Claims.Name;
                options.ClaimsIdentity.RoleClaimType = Claims.Role;
                options.ClaimsIdentity.EmailClaimType = Claims.Email;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/signin";
            cookie.AccessDeniedPath = "/account/signin";
            cookie.Cookie.Name = "gla.identity";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        // A disabled leaver's or a reset password's cookie stops working within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        var keys = KeyStore.KeysPath(builder.Configuration);
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AccountsDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(issuer));
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    .SetRevocationEndpointUris("connect/revoke");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, .. GlaApis.All]);
                server.SetAccessTokenLifetime(TimeSpan.FromMinutes(builder.Configuration.GetValue("Identity:AccessTokenMinutes", 15)));
                server.SetRefreshTokenLifetime(TimeSpan.FromHours(8));
                server.AddSigningKey(KeyStore.LoadOrCreate(keys, "signing"));
                server.AddEncryptionKey(KeyStore.LoadOrCreate(keys, "encryption"));
                // Services validate access tokens themselves, as plain signed JWTs.
                server.DisableAccessTokenEncryption();
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (issuer.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
                {
                    // Local runs are plain HTTP on loopback; a real deployment puts TLS in front of the gateway.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });

        builder.AddExternalProvider();
        builder.Services.AddScoped<Invitations>();
        builder.Services.AddSingleton<Mailbox>();
        builder.Services.AddScoped<TokenPrincipals>();
        builder.Services.AddRazorPages(pages => pages.Conventions.AllowAnonymousToFolder("/Account"));
        builder.Services.AddValidation();
    }
}
