using GLA.Staff.Apis;
using GLA.Staff.Extensions;
using GLA.Staff.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
await app.MigrateDatabaseAsync<StaffDbContext>();

app.MapDefaultEndpoints();
app.MapSchoolsApi();
app.MapStaffMembersApi();
app.MapLineManagementApi();
app.MapTrustApi();
app.MapDirectoryExportApi();
app.MapImportsApi();
app.MapMoversApi();

app.Run();
