using GLA.Appraisal.Apis;
using GLA.Appraisal.Extensions;
using GLA.Appraisal.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
await app.MigrateDatabaseAsync<AppraisalDbContext>();

app.MapDefaultEndpoints();
app.MapStaffMembersApi();

app.Run();
