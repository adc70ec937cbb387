using GLA.Web.Apis;
using GLA.Web.Components;
using GLA.Web.Extensions;
using GLA.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
await app.MigrateDatabaseAsync<WebDbContext>();

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets().AllowAnonymous();
app.MapSignInEndpoints();
app.MapStaffEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AllowAnonymous();

app.Run();
