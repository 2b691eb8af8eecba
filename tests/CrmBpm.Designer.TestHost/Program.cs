using CrmBpm.Designer.TestHost;
using CrmBpm.Designer.TestHost.Components;
using CrmBpm.Engine.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorComponents().AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment());
builder.Services.AddCrmBpm(bpm => bpm.UseInMemoryStore().AddHandler<CreateCustomerOrder>(CreateCustomerOrder.Name, CreateCustomerOrder.Description));
builder.Services.AddHostedService<SampleMaps>();

var app = builder.Build();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
