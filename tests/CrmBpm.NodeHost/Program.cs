using System.Runtime.InteropServices;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Definitions;
using CrmBpm.EntityFrameworkCore.Storage;
using CrmBpm.NodeHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// CrmBpm.NodeHost deploy --connection "<npgsql>"            deploys the load maps, then exits
// CrmBpm.NodeHost run --connection "<npgsql>" [options]     runs an engine node with its timer service and drives load
// Prints "ready" once working and one JSON summary line when stopped (stdin "stop" / EOF with --stdin-control,
// SIGTERM, Ctrl+C or --duration-s). Stdin "drain" stops the load but keeps the timer service firing. See README.md.
NodeArguments arguments;
try
{
    arguments = NodeArguments.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
builder.Services.AddCrmBpm(bpm =>
{
    bpm.UsePostgreSql(arguments.ConnectionString);
    bpm.UseStore(sp => new LeaseRecordingStore(sp.GetRequiredService<EfWorkflowStore>(), arguments.LeaseLog, sp.GetRequiredService<NodeFaults>()));
    bpm.AddHandler<NodeBillHandler>(LoadMaps.BillHandler);
    bpm.Configure(o =>
    {
        o.NodeId = arguments.NodeId;
        o.RunTimers = arguments.RunTimers && arguments.Command == "run";
        o.TimerPollInterval = arguments.PollInterval;
        o.TimerLeaseDuration = arguments.LeaseDuration;
        o.MaxConcurrencyRetries = 100;
    });
});
builder.Services.AddSingleton(arguments);
builder.Services.AddSingleton<NodeFaults>();
builder.Services.AddSingleton<LoadDriver>();
using var host = builder.Build();

if (arguments.Command == "deploy")
{
    var maps = host.Services.GetRequiredService<IRouteMapService>();
    await maps.DeployAsync(LoadMaps.Sale());
    await maps.DeployAsync(LoadMaps.Watch());
    await maps.DeployAsync(LoadMaps.Auto());
    Console.WriteLine("deployed");
    return 0;
}

using var stopping = new CancellationTokenSource();
using var draining = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopping.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};
if (arguments.StdinControl)
{
    _ = Task.Run(async () =>
    {
        while (await Console.In.ReadLineAsync() is { } line && !line.Trim().Equals("stop", StringComparison.OrdinalIgnoreCase))
        {
            if (line.Trim().Equals("drain", StringComparison.OrdinalIgnoreCase))
            {
                await draining.CancelAsync();
            }
        }

        await stopping.CancelAsync();
    });
}

var driver = host.Services.GetRequiredService<LoadDriver>();
await driver.WarmUpAsync(stopping.Token);
await host.StartAsync(CancellationToken.None);
if (arguments.Duration is { } duration)
{
    stopping.CancelAfter(duration);
}

// Starting up (schema check, EF model, first connections, JIT) takes seconds on a busy machine; callers time from here.
Console.WriteLine("ready");
await driver.RunAsync(draining.Token);
if (!stopping.IsCancellationRequested)
{
    Console.WriteLine("drained");
    await Task.Delay(Timeout.Infinite, stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
}

await host.StopAsync(CancellationToken.None);
Console.WriteLine(driver.Summary());
return 0;
