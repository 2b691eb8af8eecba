using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Runtime;
using CrmBpm.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmBpm.Engine.Tests.Runtime;

/// <summary>
/// A command that commits a job wakes its node's job executor: the handler starts right after the commit, not at the next
/// poll. The poll interval here is an hour, so only the wake-up can run the step within the test.
/// </summary>
public sealed class An_automatic_step_starts_right_after_the_commit
{
    [Fact]
    public async Task The_job_executor_is_woken_by_the_commit_and_the_instance_goes_on_without_waiting_for_the_poll()
    {
        var services = new ServiceCollection();
        services.AddCrmBpm(bpm => bpm.UseInMemoryStore()
            .AddHandler<Stamp>("stamp")
            .Configure(o =>
            {
                o.RunTimers = true;
                o.TimerPollInterval = TimeSpan.FromHours(1);
            }));
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            // Let the loop's first look (at start) pass, so it is waiting when the job commits.
            await Task.Delay(200);
            var map = new MapBuilder("stamping").Start().Add(new ServicePoint { Id = "stamp", Name = "Stamp", Handler = "stamp" }).End().Flow("start", "stamp", "end").Build();
            await provider.GetRequiredService<IRouteMapService>().DeployAsync(map);
            var engine = provider.GetRequiredService<IProcessEngine>();

            var instance = await engine.StartAsync("stamping");
            instance.Status.ShouldBe(InstanceStatus.Active);

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((await engine.GetInstanceAsync(instance.Id)).Status != InstanceStatus.Completed && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            var done = await engine.GetInstanceAsync(instance.Id);
            done.Status.ShouldBe(InstanceStatus.Completed);
            done.Variables["stamped"].GetBoolean().ShouldBeTrue();
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    private sealed class Stamp : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> HandleAsync(ServiceTaskContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?> { ["stamped"] = true });
    }
}
