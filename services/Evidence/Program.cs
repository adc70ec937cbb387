using GLA.Evidence.Apis;
using GLA.Evidence.Extensions;
using GLA.Evidence.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
await app.MigrateDatabaseAsync<EvidenceDbContext>();
await app.EnsureBlobContainerAsync();

app.MapDefaultEndpoints();
app.MapStaffMembersApi();

app.Run();
