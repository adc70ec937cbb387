using GLA.Gateway;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestSizeCap();

app.MapDefaultEndpoints();
app.MapReverseProxy();

app.Run();
