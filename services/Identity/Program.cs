using GLA.Identity.Apis;
using GLA.Identity.Extensions;
using GLA.Identity.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
await app.MigrateDatabaseAsync<AccountsDbContext>();
await app.SeedAsync();

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapConnectEndpoints();
app.MapAccountsApi();
app.MapMeApi();
app.MapRazorPages();

app.Run();
