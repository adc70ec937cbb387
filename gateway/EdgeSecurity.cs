using System.Net;
using System.Threading.RateLimiting;
using GLA.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.RateLimiting;

namespace GLA.Gateway;

/// <summary>
/// What the gateway does for every request before a service sees it: a caller on /api must
/// bring a valid token, nobody may flood it, and browsers get protective headers.
/// </summary>
internal static class EdgeSecurity
{
    public const string ApiPolicy = "api";
    public const string SignInLimit = "sign-in";

    public static void AddEdgeSecurity(this WebApplicationBuilder builder)
    {
        var issuer = builder.Configuration["Identity:Issuer"]
            ?? throw new InvalidOperationException("Identity:Issuer is missing: set Identity__Issuer (the AppHost does this).");
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = issuer;
                options.RequireHttpsMetadata = issuer.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                options.MapInboundClaims = false;
                options.TokenValidationParameters.ValidAudiences = GlaApis.All;
                options.TokenValidationParameters.ValidTypes = ["at+jwt"];
                options.TokenValidationParameters.RoleClaimType = GlaClaims.Role;
            });
        // Routes say what they need (ReverseProxy:Routes:*:AuthorizationPolicy); each service checks again, in detail.
        builder.Services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, policy => policy.RequireAuthenticatedUser());

        var limits = builder.Configuration.GetSection("Gateway:RateLimits");
        var perUser = limits.GetValue("PerUserPer10Seconds", 200);
        var perAddress = limits.GetValue("PerAddressPer10Seconds", 400);
        var signIn = limits.GetValue("SignInPerMinute", 20);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Signed-in callers by who they are; everyone else by their address.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.FindFirst(GlaClaims.Subject)?.Value is { } subject
                    ? RateLimitPartition.GetTokenBucketLimiter("user:" + subject, _ => Bucket(perUser, TimeSpan.FromSeconds(10)))
                    : RateLimitPartition.GetTokenBucketLimiter("address:" + Address(context), _ => Bucket(perAddress, TimeSpan.FromSeconds(10))));
            // Password guessing: a small budget per address on sign-in and token requests.
            options.AddPolicy(SignInLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("sign-in:" + Address(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = signIn,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("sign-in:reads"));
            options.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                }
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many requests.", Detail = "Please wait a moment and try again." },
                });
            };
        });
    }

    private static TokenBucketRateLimiterOptions Bucket(int tokens, TimeSpan period) => new()
    {
        TokenLimit = tokens,
        TokensPerPeriod = tokens,
        ReplenishmentPeriod = period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.None.ToString();

    public static void UseSecurityHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
            await next(context);
        });
    }
}
