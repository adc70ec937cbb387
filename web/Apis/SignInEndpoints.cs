using GLA.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;

namespace GLA.Web.Apis;

public static class SignInEndpoints
{
    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        // GET: a link starts sign-in at the provider and comes back to the page it was on.
        app.MapGet("/signin", ([FromQuery] string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturn(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();

        // POSTs from our own forms only: a page on another site cannot sign you out.
        var forms = app.MapGroup("").RequireAuthorization().AddEndpointFilter(RequireAntiforgeryToken);
        forms.MapPost("/signout", SignOut);
        forms.MapPost("/signout-everywhere", async (GatewayApi api, CancellationToken cancellationToken) =>
        {
            await api.SignOutEverywhereAsync(cancellationToken);
            return SignOut();
        });
        return app;
    }

    private static IResult SignOut() => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
        [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);

    private static async ValueTask<object?> RequireAntiforgeryToken(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var antiforgery = context.HttpContext.RequestServices.GetRequiredService<IAntiforgery>();
        if (!await antiforgery.IsRequestValidAsync(context.HttpContext))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This form has expired.",
                detail: "Go back, reload the page and try again.");
        }
        return await next(context);
    }

    private static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/";
}
