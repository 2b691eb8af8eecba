using CrmBpm.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCrmBpmServer();

var app = builder.Build();
app.UseCrmBpmServer();
await app.RunAsync();

/// <summary>The entry point; public so WebApplicationFactory can start the host in tests.</summary>
public partial class Program;
