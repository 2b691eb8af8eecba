using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.DependencyInjection;
using CrmBpm.EntityFrameworkCore.Sqlite;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace CrmBpm.EntityFrameworkCore.Tests.Sqlite;

/// <summary>
/// When a command's connection refuses to go back to its pool (as Microsoft.Data.Sqlite does while a statement is still
/// active on it), the command has already committed or failed: its caller gets that outcome, not the closing error.
/// </summary>
public sealed class A_connection_that_fails_to_close : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();
    private readonly FailingClose _failingClose = new();
    private EngineHarness _bpm = null!;

    [Fact]
    public async Task After_a_completion_leaves_the_completion_done_and_answered()
    {
        var instance = await _bpm.StartAsync(new MapBuilder("close").Start().Action("a").Action("b").End().Flow("start", "a", "b", "end").Build());
        var task = await _bpm.TaskAtAsync(instance.Id, "a");

        _failingClose.FailNext();
        var completed = await _bpm.Tasks.CompleteAsync(task.Id, new Actor("alice"));

        _failingClose.Failures.ShouldBe(1);
        completed.Status.ShouldBe(WorkTaskStatus.Completed);
        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["b"]);
    }

    [Fact]
    public async Task After_a_conflict_leaves_the_conflict_as_the_answer_and_the_store_usable()
    {
        var instance = await _bpm.StartAsync(new MapBuilder("close").Start().Action("a").Action("b").End().Flow("start", "a", "b", "end").Build());
        var task = await _bpm.TaskAtAsync(instance.Id, "a");
        await _bpm.Tasks.CompleteAsync(task.Id, new Actor("alice"));

        _failingClose.FailNext();
        var conflict = await Should.ThrowAsync<ConflictException>(() => _bpm.Tasks.CompleteAsync(task.Id, new Actor("alice")));

        _failingClose.Failures.ShouldBe(1);
        conflict.Code.ShouldBe("task.already-completed");
        var next = await _bpm.TaskAtAsync(instance.Id, "b");
        (await _bpm.Tasks.CompleteAsync(next.Id, new Actor("alice"))).Status.ShouldBe(WorkTaskStatus.Completed);
        (await _bpm.InstanceAsync(instance.Id)).Tokens.ShouldBeEmpty();
    }

    public Task InitializeAsync()
    {
        _bpm = new EngineHarness(bpm => bpm.UseEntityFrameworkCore(new SqliteDialect(), options =>
        {
            SqliteSetup.Configure(_file.ConnectionString)(options);
            options.AddInterceptors(_failingClose);
        }));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _bpm.DisposeAsync();
        await _file.DisposeAsync();
    }

    /// <summary>Once armed, the next close of a connection throws the error Microsoft.Data.Sqlite throws for an active statement.</summary>
    private sealed class FailingClose : DbConnectionInterceptor
    {
        private int _armed;
        private int _failures;

        public int Failures => _failures;

        public void FailNext() => Interlocked.Exchange(ref _armed, 1);

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Interlocked.Increment(ref _failures);
                throw new SqliteException("SQLite Error 5: 'unable to delete/modify collation sequence due to active statements'.", 5);
            }

            return base.ConnectionClosingAsync(connection, eventData, result);
        }
    }
}
