using CrmBpm.Designer.TestHost;
using CrmBpm.Designer.TestHost.Components;
using CrmBpm.Engine.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorComponents().AddInteractiveServerComponents(o => o.DetailedErrors = builder.Environment.IsDevelopment());
builder.Services.AddCrmBpm(bpm => bpm.UseInMemoryStore().AddHandler<CreateCustomerOrder>(CreateCustomerOrder.Name, CreateCustomerOrder.Description));
builder.Services.AddHostedService<SampleMaps>();

var app = builder.Build();
// English or Russian by the culture cookie (the designer's words come from its resources in the UI culture).
app.UseRequestLocalization(o => o.SetDefaultCulture("en").AddSupportedCultures("en", "ru").AddSupportedUICultures("en", "ru"));
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
