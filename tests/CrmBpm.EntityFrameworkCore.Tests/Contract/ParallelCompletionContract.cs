using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;

namespace CrmBpm.EntityFrameworkCore.Tests.Contract;

/// <summary>Many people completing tasks of one instance at the same moment, from real threads on two nodes.</summary>
public abstract class ParallelCompletionContract : StoreContract
{
    private const int Branches = 20;

    [Fact]
    public async Task Twenty_parallel_branches_completed_from_twenty_threads_reach_the_end_exactly_once()
    {
        var nodes = new[] { Node(Patient), Node(Patient) };
        var builder = new MapBuilder("fan-out").Start().Split("split").Merge("merge").End().Flow("start", "split").Flow("merge", "end");
        for (var i = 0; i < Branches; i++)
        {
            builder.Action($"a{i}", user: $"user{i}").Flow("split", $"a{i}", "merge");
        }

        var instance = await nodes[0].StartAsync(builder.Build());
        var tasks = await nodes[0].OpenTasksAsync(instance.Id);
        tasks.Count.ShouldBe(Branches);

        await RunTogetherAsync(tasks.Select((task, i) => (Func<Task>)(() =>
            nodes[i % 2].Tasks.CompleteAsync(task.Id, new Actor(task.AssigneeId!)))));

        var done = await nodes[1].InstanceAsync(instance.Id);
        done.Status.ShouldBe(InstanceStatus.Completed);
        done.Tokens.ShouldBeEmpty();
        var stored = await nodes[1].Tasks.GetTasksOfInstanceAsync(instance.Id);
        stored.ShouldAllBe(t => t.Status == WorkTaskStatus.Completed && t.CompletedBy == t.AssigneeId);

        var history = await nodes[1].Engine.GetHistoryAsync(instance.Id);
        history.Select(h => h.Sequence).ShouldBe(Enumerable.Range(1, history.Count).Select(i => (long)i));
        history.Where(h => h.Kind == HistoryKind.TaskCompleted).Select(h => h.TaskId).Distinct().Count().ShouldBe(Branches);
        history.Count(h => h.Kind == HistoryKind.TaskCompleted).ShouldBe(Branches);
        history.Count(h => h.Kind == HistoryKind.TokenMoved && h.PointId == "end").ShouldBe(1);
        history.Count(h => h.Kind == HistoryKind.InstanceCompleted).ShouldBe(1);
        done.HistoryCount.ShouldBe(history.Count);
    }

    [Fact]
    public async Task One_task_completed_from_many_threads_at_once_is_completed_once_and_every_other_attempt_is_a_conflict()
    {
        var nodes = new[] { Node(Patient), Node(Patient) };
        var map = new MapBuilder("seq").Start().Action("a").Action("b").End().Flow("start", "a", "b", "end").Build();
        var instance = await nodes[0].StartAsync(map);
        var task = await nodes[0].TaskAtAsync(instance.Id, "a");

        var outcomes = await RunTogetherAsync(Enumerable.Range(0, 8).Select(i => (Func<Task>)(() =>
            nodes[i % 2].Tasks.CompleteAsync(task.Id, new Actor("alice")))));

        outcomes.Count(e => e is null).ShouldBe(1);
        outcomes.Where(e => e is not null).ShouldAllBe(e => e is ConflictException && ((ConflictException)e).Code == "task.already-completed");
        (await nodes[0].TokenPointsAsync(instance.Id)).ShouldBe(["b"]);
        var history = await nodes[0].Engine.GetHistoryAsync(instance.Id);
        history.Count(h => h.Kind == HistoryKind.TaskCompleted).ShouldBe(1);
        history.Count(h => h.Kind == HistoryKind.TaskCreated && h.PointId == "b").ShouldBe(1);
    }

    [Fact]
    public async Task Completing_an_already_completed_task_is_a_conflict_that_names_it()
    {
        var bpm = Node();
        var map = new MapBuilder("seq").Start().Action("a").Action("b").End().Flow("start", "a", "b", "end").Build();
        var instance = await bpm.StartAsync(map);
        var task = await bpm.TaskAtAsync(instance.Id, "a");
        await bpm.Tasks.CompleteAsync(task.Id, new Actor("alice"));

        var conflict = await Should.ThrowAsync<ConflictException>(() => bpm.Tasks.CompleteAsync(task.Id, new Actor("alice")));

        conflict.Code.ShouldBe("task.already-completed");
        (await bpm.TokenPointsAsync(instance.Id)).ShouldBe(["b"]);
    }

    private static void Patient(Engine.CrmBpmOptions options) => options.MaxConcurrencyRetries = 200;

    /// <summary>Starts every action on its own thread, releases them together and returns each one's exception (null = success).</summary>
    private static async Task<Exception?[]> RunTogetherAsync(IEnumerable<Func<Task>> actions)
    {
        var list = actions.ToList();
        using var ready = new CountdownEvent(list.Count);
        using var go = new ManualResetEventSlim();
        var threads = list.Select(action => Task.Factory.StartNew(() =>
        {
            ready.Signal();
            go.Wait();
            try
            {
                action().GetAwaiter().GetResult();
                return null;
            }
            catch (Exception ex) when (ex is CrmBpmException)
            {
                return (Exception?)ex;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();

        ready.Wait(TimeSpan.FromSeconds(30)).ShouldBeTrue();
        go.Set();
        return await Task.WhenAll(threads);
    }
}
