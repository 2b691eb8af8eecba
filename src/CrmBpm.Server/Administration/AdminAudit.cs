using System.Text.Json;
using System.Text.Json.Serialization;
using CrmBpm.Server.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBpm.Server.Administration;

/// <summary>Writes and reads the audit log of administrative changes (table <c>CrmBpmAdminAudit</c>).</summary>
public sealed class AdminAudit(CrmBpmIdentityDbContext db, TimeProvider clock)
{
    // Enums by name: the log is read by people ("kind":"Region", not 1).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Records a change; <paramref name="before"/> and <paramref name="after"/> are serialized as JSON (null: absent).</summary>
    public async Task RecordAsync(string actor, string action, string target, object? before, object? after, string? note = null, CancellationToken cancellationToken = default)
    {
        db.AdminAudit.Add(new AdminAuditEntry
        {
            At = clock.GetUtcNow(), Actor = actor, Action = action, Target = target,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
            Note = note,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The newest entries first, optionally only those about <paramref name="target"/>.</summary>
    public async Task<(IReadOnlyList<AdminAuditEntry> Items, int Total)> PageAsync(string? target, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = db.AdminAudit.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(target))
        {
            query = query.Where(e => e.Target == target.Trim());
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (items, total);
    }
}
