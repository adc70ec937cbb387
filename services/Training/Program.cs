using GLA.Training.Apis;
using GLA.Training.Extensions;
using GLA.Training.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseServiceDefaults();
await app.MigrateDatabaseAsync<TrainingDbContext>();

app.MapDefaultEndpoints();
app.MapStaffMembersApi();

app.Run();
