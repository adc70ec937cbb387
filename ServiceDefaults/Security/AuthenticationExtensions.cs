using GLA.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationExtensions
{
    /// <summary>Policy names services put on their endpoints.</summary>
    public static class Policies
    {
        /// <summary>Any person signed in, not a machine client; what they may see is decided per resource.</summary>
        public const string Person = "person";
        public const string TrustAdmin = "trust-admin";
        /// <summary>Trust admins and school leaders: people who manage staff records.</summary>
        public const string StaffManager = "staff-manager";
    }

    /// <summary>
    /// Validates the bearer token itself (issuer, this service's audience, lifetime, signature)
    /// and denies every endpoint that has not declared who may call it.
    /// </summary>
    public static IHostApplicationBuilder AddServiceAuthentication(this IHostApplicationBuilder builder, string audience)
    {
        var issuer = builder.Configuration["Identity:Issuer"]
            ?? throw new InvalidOperationException("Identity:Issuer is missing: set Identity__Issuer to the identity provider's public address (the AppHost does this).");

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = issuer;
                options.Audience = audience;
                options.RequireHttpsMetadata = issuer.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = GlaClaims.Name;
                options.TokenValidationParameters.RoleClaimType = GlaClaims.Role;
                // Only access tokens: an ID token, though signed by the same key, is not a key to an API.
                options.TokenValidationParameters.ValidTypes = ["at+jwt"];
                options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            });

        // Policies name the bearer scheme, so an API never accepts a cookie (the identity
        // provider's own sign-in cookie included) in place of a token.
        AuthorizationPolicyBuilder Bearer() => new AuthorizationPolicyBuilder(JwtBearerDefaults.AuthenticationScheme).RequireAuthenticatedUser();
        builder.Services.AddAuthorizationBuilder()
            // Deny by default: an endpoint that declares no policy answers no one.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(_ => false).Build())
            .AddPolicy(Policies.Person, Bearer().RequireRole(GlaRoles.People).Build())
            .AddPolicy(Policies.TrustAdmin, Bearer().RequireRole(GlaRoles.TrustAdmin).Build())
            .AddPolicy(Policies.StaffManager, Bearer().RequireRole(GlaRoles.TrustAdmin, GlaRoles.SchoolLeader).Build());
        return builder;
    }
}
