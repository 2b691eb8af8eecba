using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Testing.Scenarios;

/// <summary>
/// External workers: an external step's job waits for a worker to fetch and lock it by topic, and the worker's report
/// (complete, failure, BPMN error) moves the token as a handler's outcome would. The lock is the job's lease.
/// </summary>
public abstract class ExternalTaskScenarios : EngineScenario
{
    private IExternalTaskService Workers => Bpm.Services.GetRequiredService<IExternalTaskService>();

    private static RouteMap ExternalStep(string key = "scoring") =>
        new MapBuilder(key).Start()
            .Add(new ServicePoint { Id = "score", Name = "Score the customer", Handler = "scoring", External = true })
            .Action("sign")
            .End()
            .Flow("start", "score", "sign", "end")
            .Add(new BoundaryErrorPoint { Id = "refused", AttachedToId = "score", Error = new ErrorDefinition("Error_refused", "refused"), MessageVariable = "why" })
            .Action("explain")
            .End("end-refused")
            .Flow("refused", "explain", "end-refused")
            .Build();

    private Task<IReadOnlyList<ExternalTask>> FetchAsync(string worker, int max = 10, string topic = "scoring") =>
        Workers.FetchAndLockAsync(new ExternalTaskFetch(worker, [topic], max, TimeSpan.FromMinutes(5)));

    [Fact]
    public async Task The_timer_service_leaves_an_external_job_to_a_worker_who_completes_it_with_variables()
    {
        var instance = await Bpm.StartAsync(ExternalStep(), new { amount = 500 });

        (await Bpm.Timers.FireDueTimersAsync()).ShouldBe(0);
        (await FetchAsync("w1", topic: "other")).ShouldBeEmpty();
        var task = (await FetchAsync("w1")).ShouldHaveSingleItem();

        (task.Topic, task.InstanceId, task.PointId, task.Attempt, task.WorkerId).ShouldBe(("scoring", instance.Id, "score", 1, "w1"));
        task.Variables["amount"].GetInt32().ShouldBe(500);
        await Workers.CompleteAsync(task.Id, "w1", new Dictionary<string, object?> { ["score"] = 42 });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["sign"]);
        (await Bpm.InstanceAsync(instance.Id)).Variables["score"].GetInt32().ShouldBe(42);
        await Should.ThrowAsync<NotFoundException>(() => Workers.CompleteAsync(task.Id, "w1"));
    }

    [Fact]
    public async Task Two_workers_fetching_at_once_each_get_a_task_only_one_of_them_holds()
    {
        for (var i = 0; i < 6; i++)
        {
            await Bpm.StartAsync(ExternalStep());
        }

        var fetched = await Task.WhenAll(FetchAsync("w1", max: 6), FetchAsync("w2", max: 6));

        var ids = fetched.SelectMany(f => f.Select(t => t.Id)).ToList();
        ids.Count.ShouldBe(6);
        ids.Distinct().Count().ShouldBe(6);
    }

    [Fact]
    public async Task A_lock_that_ran_out_goes_to_another_worker_and_the_first_worker_s_completion_is_a_conflict()
    {
        var instance = await Bpm.StartAsync(ExternalStep());
        var first = (await FetchAsync("w1")).ShouldHaveSingleItem();
        (await FetchAsync("w2")).ShouldBeEmpty();

        Bpm.Clock.Advance(TimeSpan.FromMinutes(6));
        var second = (await FetchAsync("w2")).ShouldHaveSingleItem();

        second.Id.ShouldBe(first.Id);
        (await Should.ThrowAsync<ConflictException>(() => Workers.CompleteAsync(first.Id, "w1"))).Code.ShouldBe("external-task.lock-lost");
        await Workers.CompleteAsync(second.Id, "w2");
        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["sign"]);
    }

    [Fact]
    public async Task Extending_the_lock_keeps_the_task_from_other_workers()
    {
        await Bpm.StartAsync(ExternalStep());
        var task = (await FetchAsync("w1")).ShouldHaveSingleItem();

        Bpm.Clock.Advance(TimeSpan.FromMinutes(4));
        await Workers.ExtendLockAsync(task.Id, "w1", TimeSpan.FromMinutes(10));
        Bpm.Clock.Advance(TimeSpan.FromMinutes(5));

        (await FetchAsync("w2")).ShouldBeEmpty();
        (await Should.ThrowAsync<ConflictException>(() => Workers.ExtendLockAsync(task.Id, "w2", TimeSpan.FromMinutes(1)))).Code.ShouldBe("external-task.lock-lost");
    }

    [Fact]
    public async Task A_failure_with_retries_left_comes_back_after_the_timeout_and_with_none_is_an_incident_with_the_message()
    {
        var instance = await Bpm.StartAsync(ExternalStep());
        var task = (await FetchAsync("w1")).ShouldHaveSingleItem();

        await Workers.HandleFailureAsync(task.Id, "w1", "Scoring service down", retries: 1, TimeSpan.FromMinutes(10));

        (await FetchAsync("w1")).ShouldBeEmpty();
        Bpm.Clock.Advance(TimeSpan.FromMinutes(10));
        var again = (await FetchAsync("w1")).ShouldHaveSingleItem();
        (again.Attempt, again.Retries).ShouldBe((2, 1));
        again.IdempotencyKey.ShouldBe(task.IdempotencyKey);

        await Workers.HandleFailureAsync(again.Id, "w1", "Still down", retries: 0, TimeSpan.Zero);

        var stuck = await Bpm.InstanceAsync(instance.Id);
        stuck.Status.ShouldBe(InstanceStatus.Incident);
        stuck.IncidentMessage!.ShouldContain("Still down");
        (await FetchAsync("w1")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bpmn_error_goes_to_the_step_s_error_boundary()
    {
        var instance = await Bpm.StartAsync(ExternalStep());
        var task = (await FetchAsync("w1")).ShouldHaveSingleItem();

        await Workers.HandleBpmnErrorAsync(task.Id, "w1", "refused", "Score too low");

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["explain"]);
        (await Bpm.InstanceAsync(instance.Id)).Variables["why"].GetString().ShouldBe("Score too low");
    }

    [Fact]
    public async Task A_terminated_instance_s_task_is_never_fetched()
    {
        var instance = await Bpm.StartAsync(ExternalStep());

        await Bpm.Engine.TerminateAsync(instance.Id, "withdrawn");

        (await FetchAsync("w1")).ShouldBeEmpty();
    }
}
