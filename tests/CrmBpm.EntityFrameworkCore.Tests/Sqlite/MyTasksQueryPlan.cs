using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Storage.Sql;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;
using Microsoft.Data.Sqlite;

namespace CrmBpm.EntityFrameworkCore.Tests.Sqlite;

/// <summary>
/// My tasks stays fast only while SQLite reads each branch from its own index, in page order. With statistics of a real
/// backlog (most tasks in pools) SQLite once read every pool task through the held index; this pins the plan.
/// </summary>
public sealed class MyTasksQueryPlan : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();

    [Fact]
    public async Task Each_branch_reads_its_own_index_in_page_order_and_only_the_page_rows_are_read_from_the_table()
    {
        await using (var bpm = new EngineHarness(_file.Attach))
        {
            await bpm.StartAsync(new MapBuilder("seq").Start().Action("a").End().Flow("start", "a", "end").Build());
        }

        await using var connection = new SqliteConnection(_file.ConnectionString);
        await connection.OpenAsync();
        await SqliteQueryPlan.ExecuteAsync(connection, SeedSql);
        await SqliteQueryPlan.ExecuteAsync(connection, "ANALYZE");

        var actor = new Actor("user-1", [new RoleMembership("role-1"), new RoleMembership("role-2"), new RoleMembership("role-1", "north")]);
        var plan = await SqliteQueryPlan.OfAsync(connection, MyTasksSql.For(new TaskQuery { Actor = actor }, DateTimeOffset.UtcNow));

        plan.ShouldContain(line => line.Contains("COVERING INDEX ix_tasks_my_held (assignee_id=?)"));
        plan.Count(line => line.Contains("INDEX ix_tasks_my_role_pool (performer_role=?)")).ShouldBe(2);
        plan.ShouldContain(line => line.Contains("INDEX ix_tasks_my_role_object_pool (performer_role=? AND performer_addressing_object=?)"));
        plan.Count(line => line.Contains("SEARCH tasks")).ShouldBe(5, string.Join(Environment.NewLine, plan)); // four branches, then the page's rows by seq

        // Only the merge of the branches' first rows and the page itself are sorted, never a whole pool.
        plan.Count(line => line.Contains("TEMP B-TREE")).ShouldBe(2);
        plan.ShouldContain(line => line.Contains("INTEGER PRIMARY KEY (rowid=?)"));
    }

    [Fact]
    public async Task Sorting_by_creation_reads_each_branch_from_its_index_alone_and_sorts_only_that_branch()
    {
        await using var connection = await SeededAsync();
        var actor = new Actor("user-1", [new RoleMembership("role-1")]);

        var plan = await SqliteQueryPlan.OfAsync(connection, MyTasksSql.For(new TaskQuery { Actor = actor, Sort = TaskSort.Created, Descending = true }, DateTimeOffset.UtcNow));

        plan.ShouldContain(line => line.Contains("COVERING INDEX ix_tasks_my_held (assignee_id=?)"), string.Join(Environment.NewLine, plan));
        plan.ShouldContain(line => line.Contains("INDEX ix_tasks_my_role_pool (performer_role=?)"));
        plan.ShouldNotContain(line => line.Contains("SCAN tasks"));
    }

    [Fact]
    public async Task Sorting_by_title_stays_within_each_branch_s_index_range_never_the_whole_table()
    {
        await using var connection = await SeededAsync();
        var actor = new Actor("user-1", [new RoleMembership("role-1")]);

        var plan = await SqliteQueryPlan.OfAsync(connection, MyTasksSql.For(new TaskQuery { Actor = actor, Sort = TaskSort.Title }, DateTimeOffset.UtcNow));

        plan.ShouldContain(line => line.Contains("INDEX ix_tasks_my_held (assignee_id=?)"), string.Join(Environment.NewLine, plan));
        plan.ShouldContain(line => line.Contains("INDEX ix_tasks_my_role_pool (performer_role=?)"));
        plan.ShouldNotContain(line => line.Contains("SCAN tasks"));
    }

    [Fact]
    public async Task The_done_view_reads_one_person_s_range_of_the_done_index_newest_first_without_sorting()
    {
        await using var connection = await SeededAsync();
        await SqliteQueryPlan.ExecuteAsync(connection, "UPDATE tasks SET active = 0, status = 'Completed', completed_by = 'user-' || (seq % 50), closed_at = seq * 1000 WHERE seq % 4 = 0");
        await SqliteQueryPlan.ExecuteAsync(connection, "ANALYZE");
        var statements = DoneTasksSql.For(new DoneTaskQuery { Actor = new Actor("user-7"), Page = 2, PageSize = 10 });

        var page = await SqliteQueryPlan.OfAsync(connection, statements, 0);
        var total = await SqliteQueryPlan.OfAsync(connection, statements, 1);

        page.ShouldContain(line => line.Contains("COVERING INDEX ix_tasks_done (completed_by=?)"), string.Join(Environment.NewLine, page));
        page.Count(line => line.Contains("TEMP B-TREE")).ShouldBe(1, string.Join(Environment.NewLine, page)); // only the page itself
        total.ShouldHaveSingleItem().ShouldContain("ix_tasks_done");
    }

    private async Task<SqliteConnection> SeededAsync()
    {
        await using (var bpm = new EngineHarness(_file.Attach))
        {
            await bpm.StartAsync(new MapBuilder("seq").Start().Action("a").End().Flow("start", "a", "end").Build());
        }

        var connection = new SqliteConnection(_file.ConnectionString);
        await connection.OpenAsync();
        await SqliteQueryPlan.ExecuteAsync(connection, SeedSql);
        await SqliteQueryPlan.ExecuteAsync(connection, "ANALYZE");
        return connection;
    }

    /// <summary>
    /// 6 000 active tasks: a sixth held by 100 users, the rest in the pools of ten roles, a third of those for an addressing
    /// object; deadlines spread. The skew is what misled the planner.
    /// </summary>
    private const string SeedSql = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
        INSERT INTO tasks (id, instance_id, root_instance_id, map_key, map_version, point_id, token_id, title, description,
            performer_role, performer_addressing_object, assignee_id, status, requires_acceptance, outcomes, form_fields,
            created_at, due_sort, active, row_version)
        SELECT printf('00000000-0000-0000-0000-%012d', i), '11111111-1111-1111-1111-111111111111', '11111111-1111-1111-1111-111111111111',
            'seq', 1, 'a', '22222222-2222-2222-2222-222222222222', 'Task ' || i, '',
            'role-' || (i % 10), CASE WHEN i % 3 = 0 THEN 'north' END, CASE WHEN i % 6 = 0 THEN 'user-' || (i % 100) END,
            'Open', 0, '[]', '[]', 0, i * 7919 % 6000, 1, 0
        FROM n;
        """;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();
}
