using GLA.ServiceDefaults.Messaging;
using GLA.ServiceDefaults.Security;
using GLA.Web.Infrastructure;
using GLA.Web.IntegrationEvents.EventHandling;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GLA.Web.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var issuer = builder.Configuration["Identity:Issuer"]
            ?? throw new InvalidOperationException("Identity:Issuer is missing: set Identity__Issuer (the AppHost does this).");

        builder.AddServiceDatabase<WebDbContext>("webdb");
        builder.AddMessaging<WebDbContext>(bus =>
        {
            bus.AddConsumer<StaffMemberLeftConsumer>();
            bus.AddConsumer<AccountSignedOutEverywhereConsumer>();
        });
        builder.Services.AddDataProtection().SetApplicationName("gla-web").PersistKeysToDbContext<WebDbContext>();
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<TokenRefresher>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddCascadingAuthenticationState();

        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "gla.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.AccessDeniedPath = "/access-denied";
                options.Events.OnValidatePrincipal = context =>
                    context.HttpContext.RequestServices.GetRequiredService<TokenRefresher>().ValidateAsync(context);
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = issuer;
                options.RequireHttpsMetadata = issuer.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                options.ClientId = builder.Configuration["Web:ClientId"] ?? "web";
                options.ClientSecret = builder.Configuration["Web:ClientSecret"];
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                // A redirect, not an auto-posting form: the gateway's script policy allows no inline script.
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.SaveTokens = true;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = GlaClaims.Name;
                options.TokenValidationParameters.RoleClaimType = GlaClaims.Role;
                options.Scope.Clear();
                foreach (var scope in (string[])["openid", "profile", "email", "roles", "offline_access", .. GlaApis.All]) options.Scope.Add(scope);
                options.SignedOutRedirectUri = "/";
            });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<SessionStore>((options, store) => options.SessionStore = store);
        builder.Services.AddAuthorization();

        // The APIs, through the gateway, with the signed-in person's access token.
        builder.Services.AddTransient<AccessTokenHandler>();
        builder.Services.AddHttpClient<GatewayApi>(http => http.BaseAddress = new Uri(issuer)).AddHttpMessageHandler<AccessTokenHandler>();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
    }
}
