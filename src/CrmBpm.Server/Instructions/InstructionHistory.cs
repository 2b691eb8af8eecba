using CrmBpm.Crm.Instructions;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Server.Instructions;

/// <summary>What happened to an instruction, oldest first: given, each task taken and finished, each return with its comment.</summary>
public static class InstructionHistory
{
    /// <summary>The history of <paramref name="instruction"/> from its process's <paramref name="tasks"/>.</summary>
    public static IReadOnlyList<InstructionEvent> Of(Instruction instruction, IEnumerable<WorkTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(tasks);
        var events = new List<InstructionEvent> { new(instruction.CreatedAt, InstructionEventKind.Given, instruction.AuthorId, null) };
        foreach (var task in tasks)
        {
            var execute = task.PointId == InstructionRouteMap.ExecutePointId;
            if (execute && task.AcceptedAt is { } accepted)
            {
                events.Add(new(accepted, InstructionEventKind.Accepted, task.AssigneeId ?? instruction.PerformerId, null));
            }

            if (task.Status == WorkTaskStatus.Completed && task.ClosedAt is { } closed)
            {
                var by = task.CompletedBy ?? (execute ? instruction.PerformerId : instruction.AuthorId);
                if (execute)
                {
                    events.Add(new(closed, InstructionEventKind.Reported, by, null));
                }
                else if (task.Outcome == InstructionRouteMap.Accept)
                {
                    events.Add(new(closed, InstructionEventKind.Verified, by, null));
                }
            }
        }

        events.AddRange(instruction.Returns.Select(r => new InstructionEvent(r.At, InstructionEventKind.Returned, r.By, r.Comment)));
        if (instruction is { Status: InstructionStatus.Completed, IsSelfGiven: true, ClosedAt: { } done })
        {
            events.Add(new(done, InstructionEventKind.Completed, instruction.PerformerId, null));
        }

        return [.. events.OrderBy(e => e.At).ThenBy(e => e.Kind)];
    }
}
