using CrmBpm.Engine.Tasks;
using CrmBpm.EntityFrameworkCore.Storage.Sql;
using CrmBpm.EntityFrameworkCore.Tests.Infrastructure;
using CrmBpm.Testing;
using Microsoft.Data.Sqlite;

namespace CrmBpm.EntityFrameworkCore.Tests.Sqlite;

/// <summary>
/// The Unassigned list reads its own partial index in page order, so a page costs the page plus the skipped entries, never a
/// scan or a sort of every task: among thousands of pool and held tasks, the few unassigned ones are one small index. (Not a
/// covering read: SQLite would want the NULL columns of the index's condition as key columns for that; not worth it here.)
/// </summary>
public sealed class UnassignedTasksQueryPlan : IAsyncLifetime
{
    private readonly SqliteTestFile _file = new();

    [Fact]
    public async Task The_page_and_the_total_read_only_the_unassigned_index_range_and_only_the_page_is_sorted()
    {
        await using (var bpm = new EngineHarness(_file.Attach))
        {
            await bpm.StartAsync(new MapBuilder("seq").Start().Action("a").End().Flow("start", "a", "end").Build());
        }

        await using var connection = new SqliteConnection(_file.ConnectionString);
        await connection.OpenAsync();
        await SqliteQueryPlan.ExecuteAsync(connection, SeedSql);
        await SqliteQueryPlan.ExecuteAsync(connection, "ANALYZE");
        var statements = UnassignedTasksSql.For(new UnassignedTaskQuery { Actor = new Actor("helen", [], canActOnAnyTask: true), Page = 3, PageSize = 20 });

        var page = await SqliteQueryPlan.OfAsync(connection, statements, 0);
        var total = await SqliteQueryPlan.OfAsync(connection, statements, 1);

        page.ShouldContain(line => line.Contains("SCAN tasks USING INDEX ix_tasks_unassigned"), string.Join(Environment.NewLine, page));
        page.ShouldContain(line => line.Contains("INTEGER PRIMARY KEY (rowid=?)"));
        page.Count(line => line.Contains("TEMP B-TREE")).ShouldBe(1, string.Join(Environment.NewLine, page)); // only the page itself is sorted
        total.ShouldHaveSingleItem().ShouldContain("USING INDEX ix_tasks_unassigned");
    }

    /// <summary>6 000 active tasks: every hundredth without any performer, the rest held or in the pools of ten roles.</summary>
    private const string SeedSql = """
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
        INSERT INTO tasks (id, instance_id, root_instance_id, map_key, map_version, point_id, token_id, title, description,
            performer_role, performer_addressing_object, assignee_id, status, requires_acceptance, outcomes, form_fields,
            created_at, due_sort, active, row_version)
        SELECT printf('00000000-0000-0000-0000-%012d', i), '11111111-1111-1111-1111-111111111111', '11111111-1111-1111-1111-111111111111',
            'seq', 1, 'a', '22222222-2222-2222-2222-222222222222', 'Task ' || i, '',
            CASE WHEN i % 100 <> 0 THEN 'role-' || (i % 10) END, NULL, CASE WHEN i % 6 = 0 AND i % 100 <> 0 THEN 'user-' || (i % 100) END,
            'Open', 0, '[]', '[]', 0, i * 7919 % 6000, 1, 0
        FROM n;
        """;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _file.DisposeAsync().AsTask();
}
