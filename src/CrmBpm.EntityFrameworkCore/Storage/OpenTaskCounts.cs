using System.Globalization;
using CrmBpm.EntityFrameworkCore.Configurations;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.EntityFrameworkCore.Storage;

/// <summary>Rebuilding the My tasks branch counters from the tasks after a bulk import that bypassed the store.</summary>
internal static class OpenTaskCounts
{
    private static readonly string RecountSql = string.Create(CultureInfo.InvariantCulture, $"""
        DELETE FROM {TableNames.OpenTaskCounts};
        INSERT INTO {TableNames.OpenTaskCounts} (kind, owner, addressing_object, open_tasks)
        SELECT {OpenTaskCountKey.Held}, assignee_id, '', COUNT(*) FROM {TableNames.Tasks}
        WHERE active AND assignee_id IS NOT NULL GROUP BY assignee_id
        UNION ALL
        SELECT {OpenTaskCountKey.RolePool}, performer_role, '', COUNT(*) FROM {TableNames.Tasks}
        WHERE active AND assignee_id IS NULL AND performer_role IS NOT NULL AND performer_addressing_object IS NULL GROUP BY performer_role
        UNION ALL
        SELECT {OpenTaskCountKey.RoleObjectPool}, performer_role, performer_addressing_object, COUNT(*) FROM {TableNames.Tasks}
        WHERE active AND assignee_id IS NULL AND performer_role IS NOT NULL AND performer_addressing_object IS NOT NULL
        GROUP BY performer_role, performer_addressing_object;
        """);

    /// <summary>Recounts every branch from the tasks, in one transaction.</summary>
    public static async Task RecountAsync(CrmBpmDbContext db, IDatabaseDialect dialect, CancellationToken cancellationToken)
    {
        var transaction = await dialect.BeginWriteTransactionAsync(db, cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            await db.Database.ExecuteSqlRawAsync(RecountSql, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
