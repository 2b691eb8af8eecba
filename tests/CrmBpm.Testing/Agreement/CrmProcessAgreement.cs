using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Persistence;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Testing.Agreement;

/// <summary>
/// Lists every disagreement between the CRM and the engine on one database: deals, instructions and claims against the
/// processes they follow, and the processes about deals against their deals. Meant for a database at rest (after a
/// crash, before load resumes): records are read one after another, not in one snapshot.
/// </summary>
/// <remarks>
/// A deal's expected stage is derived the way <c>DealProcessTracker</c> moves it: the stage of the most recent staged
/// Action its root process entered (token moved there) or created a task at, nested processes counting with their tasks
/// only. Entries of different instances are ordered by time, then root before child; two such entries written by one
/// command at the same instant could be ordered differently than the tracker saw them (no standard map nests a staged
/// Action, so this does not arise with them).
/// </remarks>
public sealed class CrmProcessAgreement
{
    private readonly IWorkflowStore _engine;
    private readonly IRouteMapService _maps;
    private readonly ICrmStore _crm;
    private readonly CatalogueService _catalogues;
    private readonly Func<CancellationToken, Task<IReadOnlyList<InstanceHeader>>> _rootInstances;
    private readonly Dictionary<(string, int), RouteMap?> _mapCache = [];

    /// <summary>The CRM's own maps: an instruction about a deal runs one of these, and it is not the deal's process.</summary>
    private static readonly HashSet<string> CrmOwnMaps = [InstructionRouteMap.Key, ClaimRouteMaps.HandlingKey, ClaimRouteMaps.LatePlanItemKey];

    /// <param name="services">A provider with the engine and the CRM on the database to check.</param>
    /// <param name="rootInstances">Every root process instance of that database (the engine finds instances by id only).</param>
    public CrmProcessAgreement(IServiceProvider services, Func<CancellationToken, Task<IReadOnlyList<InstanceHeader>>> rootInstances)
    {
        ArgumentNullException.ThrowIfNull(services);
        _engine = services.GetRequiredService<IWorkflowStore>();
        _maps = services.GetRequiredService<IRouteMapService>();
        _crm = services.GetRequiredService<ICrmStore>();
        _catalogues = services.GetRequiredService<CatalogueService>();
        _rootInstances = rootInstances ?? throw new ArgumentNullException(nameof(rootInstances));
    }

    /// <summary>Reads the whole database and reports every disagreement.</summary>
    public async Task<AgreementReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyList<Deal> deals;
        IReadOnlyList<Instruction> instructions;
        IReadOnlyList<Claim> claims;
        await using (var session = await _crm.OpenSessionAsync(cancellationToken))
        {
            deals = await session.Deals.ListAsync(null, cancellationToken);
            instructions = await session.Instructions.ListAsync(null, cancellationToken);
            claims = await session.Claims.ListAsync(null, cancellationToken);
        }

        var instances = await _rootInstances(cancellationToken);
        var stages = await _catalogues.ListAsync(CatalogueKind.SalesStage, includeArchived: true, cancellationToken);
        var found = new List<Disagreement>();
        var about = instances.Where(i => i.SubjectType is not null && i.SubjectId is not null)
            .ToLookup(i => (i.SubjectType!, i.SubjectId!));
        foreach (var deal in deals)
        {
            await CheckDealAsync(deal, about[(DealService.SubjectType, deal.Id.ToString())], stages, found, cancellationToken);
        }

        await CheckDealProcessesAsync(deals.ToDictionary(d => d.Id), instances, found, cancellationToken);
        var instructionInstances = instances.Where(i => i.MapKey == InstructionRouteMap.Key).ToList();
        foreach (var instruction in instructions)
        {
            await CheckInstructionAsync(instruction, instructionInstances, found, cancellationToken);
        }

        foreach (var claim in claims)
        {
            await CheckClaimAsync(claim, about[(ClaimService.SubjectType, claim.Id.ToString())], found, cancellationToken);
        }

        return new AgreementReport(found, deals.Count, instructions.Count, claims.Count, instances.Count);
    }

    private async Task CheckDealAsync(Deal deal, IEnumerable<InstanceHeader> about, IReadOnlyList<CatalogueItem> stages, List<Disagreement> found, CancellationToken cancellationToken)
    {
        var record = $"deal {deal.Id} '{deal.Title}'";
        if (deal.Kind != DealKind.ProcessControlled)
        {
            return;
        }

        if (deal.ProcessInstanceId is not { } instanceId)
        {
            if (deal.IsOpen)
            {
                var ofTheMap = about.Where(i => i.MapKey == deal.RouteMapKey).ToList();
                found.Add(ofTheMap.Count == 0
                    ? new Disagreement(DisagreementKind.RecordWithoutProcess, record, $"is process-controlled by '{deal.RouteMapKey}' and in work, but no process about it was ever started (opened or put under process, then the engine was not reached).")
                    : new Disagreement(DisagreementKind.ProcessNotAttached, record, $"is process-controlled and in work without a process, while instance(s) {string.Join(", ", ofTheMap.Select(i => i.Id))} of '{deal.RouteMapKey}' about it exist."));
            }
            else
            {
                found.Add(new Disagreement(DisagreementKind.DealResultDiffers, record, $"is process-controlled and {deal.Status}, but has no process that could have finished it."));
            }

            return;
        }

        var instance = await _engine.FindInstanceAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            found.Add(new Disagreement(DisagreementKind.ProcessMissing, record, $"follows process {instanceId}, which the engine does not have."));
            return;
        }

        if (!deal.IsOpen)
        {
            if (instance.Status != InstanceStatus.Completed || !string.Equals(instance.Result, deal.Status.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new Disagreement(DisagreementKind.DealResultDiffers, record,
                    $"is {deal.Status}, but its process {instance.Id} is {instance.Status}{(instance.Result is null ? "" : $" with result '{instance.Result}'")}."));
            }

            return;
        }

        if (instance.Status == InstanceStatus.Completed && IsDealResult(instance.Result))
        {
            found.Add(new Disagreement(DisagreementKind.ProcessEndedButDealInWork, record, $"is in work, but its process {instance.Id} ended {instance.Result}."));
            return;
        }

        if (instance.Status is InstanceStatus.Completed or InstanceStatus.Terminated)
        {
            found.Add(new Disagreement(DisagreementKind.ProcessStateDiffers, record,
                $"is in work and process-controlled, but its process {instance.Id} is {instance.Status}{(instance.Result is null ? "" : $" with result '{instance.Result}'")} (the deal should have been released to manual stages)."));
            return;
        }

        if (await ExpectedStageAsync(instance, cancellationToken) is { } expected)
        {
            var code = stages.FirstOrDefault(s => s.Matches(expected))?.Code ?? CatalogueItem.NormalizeCode(expected);
            if (!string.Equals(deal.Stage, code, StringComparison.Ordinal))
            {
                found.Add(new Disagreement(DisagreementKind.DealStageDiffers, record, $"is at stage '{deal.Stage ?? "(none)"}', but its process {instance.Id} last entered stage '{code}'."));
            }
        }
    }

    /// <summary>From the engine side: every process about a deal that is not the one the deal follows.</summary>
    private async Task CheckDealProcessesAsync(Dictionary<Guid, Deal> deals, IReadOnlyList<InstanceHeader> instances, List<Disagreement> found, CancellationToken cancellationToken)
    {
        foreach (var header in instances.Where(i => i.SubjectType == DealService.SubjectType && !CrmOwnMaps.Contains(i.MapKey)))
        {
            if (!Guid.TryParse(header.SubjectId, out var dealId))
            {
                continue;
            }

            if (deals.TryGetValue(dealId, out var deal) && deal.ProcessInstanceId == header.Id)
            {
                continue;
            }

            var instance = await _engine.FindInstanceAsync(header.Id, cancellationToken);
            if (instance is null || instance.Status == InstanceStatus.Terminated ||
                (instance.Status == InstanceStatus.Completed && !IsDealResult(instance.Result)))
            {
                // Terminated from outside, or ended without a result: the deal was released to manual stages.
                continue;
            }

            var record = $"process {instance.Id} of '{instance.MapKey}'";
            if (deal is null)
            {
                found.Add(new Disagreement(DisagreementKind.ProcessNotAttached, record, $"is about deal {dealId}, which the CRM does not have."));
            }
            else if (instance.Status == InstanceStatus.Completed)
            {
                found.Add(deal.IsOpen
                    ? new Disagreement(DisagreementKind.ProcessEndedButDealInWork, record, $"ended {instance.Result}, but deal {deal.Id} '{deal.Title}' (following {Describe(deal.ProcessInstanceId)}) stays in work.")
                    : new Disagreement(DisagreementKind.ProcessNotAttached, record, $"ended {instance.Result}, but deal {deal.Id} '{deal.Title}' was closed {deal.Status} following {Describe(deal.ProcessInstanceId)}."));
            }
            else if (deal.IsOpen && deal.Kind != DealKind.ProcessControlled)
            {
                found.Add(new Disagreement(DisagreementKind.ReleasedDealProcessStillRunning, record,
                    $"is {instance.Status}, but deal {deal.Id} '{deal.Title}' was taken out of process control ({deal.Kind}) and the process was not terminated."));
            }
            else
            {
                found.Add(new Disagreement(DisagreementKind.ProcessNotAttached, record,
                    $"is {instance.Status} about deal {deal.Id} '{deal.Title}' ({deal.Kind}, {deal.Status}), which follows {Describe(deal.ProcessInstanceId)}."));
            }
        }
    }

    private async Task CheckInstructionAsync(Instruction instruction, List<InstanceHeader> instructionInstances, List<Disagreement> found, CancellationToken cancellationToken)
    {
        var record = $"instruction {instruction.Id} '{instruction.Title}'";
        if (instruction.ProcessInstanceId is not { } instanceId)
        {
            var naming = new List<Guid>();
            foreach (var header in instructionInstances)
            {
                if (await _engine.FindInstanceAsync(header.Id, cancellationToken) is { } candidate &&
                    candidate.Variables.TryGetValue("instructionId", out var id) && Variables.ToText(id) == instruction.Id.ToString())
                {
                    naming.Add(candidate.Id);
                }
            }

            found.Add(naming.Count == 0
                ? new Disagreement(DisagreementKind.RecordWithoutProcess, record, $"is {instruction.Status}, but its process never started (given, then the engine was not reached).")
                : new Disagreement(DisagreementKind.ProcessNotAttached, record, $"is {instruction.Status} without a process, while instance(s) {string.Join(", ", naming)} run it."));
            return;
        }

        var instance = await _engine.FindInstanceAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            found.Add(new Disagreement(DisagreementKind.ProcessMissing, record, $"follows process {instanceId}, which the engine does not have."));
            return;
        }

        var expected = instance.Status switch
        {
            InstanceStatus.Completed => InstructionStatus.Completed,
            InstanceStatus.Terminated => InstructionStatus.Cancelled,
            _ => (InstructionStatus?)null,
        };
        Guid? expectedTask = null;
        if (expected is null)
        {
            var active = (await _engine.GetTasksOfInstanceAsync(instance.Id, cancellationToken)).Where(t => t.IsActive).ToList();
            if (active.Count != 1)
            {
                if (instruction.Status is InstructionStatus.Completed or InstructionStatus.Cancelled)
                {
                    found.Add(new Disagreement(DisagreementKind.ProcessStateDiffers, record, $"is {instruction.Status}, but its process {instance.Id} is still {instance.Status}."));
                }

                return;
            }

            expectedTask = active[0].Id;
            expected = active[0].PointId == InstructionRouteMap.VerifyPointId ? InstructionStatus.Verifying : InstructionStatus.Executing;
        }

        if (instruction.Status != expected || instruction.CurrentTaskId != expectedTask)
        {
            found.Add(new Disagreement(DisagreementKind.InstructionStateDiffers, record,
                $"is {instruction.Status} with current task {Describe(instruction.CurrentTaskId)}, but its process {instance.Id} ({instance.Status}) says {expected} with task {Describe(expectedTask)}."));
        }
    }

    private async Task CheckClaimAsync(Claim claim, IEnumerable<InstanceHeader> about, List<Disagreement> found, CancellationToken cancellationToken)
    {
        var record = $"claim {claim.Id}";
        if (claim.ProcessInstanceId is not { } instanceId)
        {
            var handling = about.Where(i => i.MapKey == ClaimRouteMaps.HandlingKey).ToList();
            if (claim.Status == ClaimStatus.InWork)
            {
                found.Add(handling.Count == 0
                    ? new Disagreement(DisagreementKind.RecordWithoutProcess, record, "is in work, but its handling process never started (registered, then the engine was not reached).")
                    : new Disagreement(DisagreementKind.ProcessNotAttached, record, $"is in work without a process, while handling instance(s) {string.Join(", ", handling.Select(i => i.Id))} about it exist."));
            }

            return;
        }

        var instance = await _engine.FindInstanceAsync(instanceId, cancellationToken);
        if (instance is null)
        {
            found.Add(new Disagreement(DisagreementKind.ProcessMissing, record, $"follows process {instanceId}, which the engine does not have."));
            return;
        }

        var decided = (await _engine.GetTasksOfInstanceAsync(instance.Id, cancellationToken))
            .FirstOrDefault(t => t.PointId == ClaimRouteMaps.DecidePointId && t.Status == WorkTaskStatus.Completed);
        if (decided is not null && claim.Status != ClaimStatus.Closed)
        {
            found.Add(new Disagreement(DisagreementKind.ClaimStateDiffers, record, $"is still in work, but its decision task {decided.Id} was completed ({decided.Outcome})."));
        }

        foreach (var item in claim.PlanItems.Where(i => i.TaskId is not null))
        {
            var task = await _engine.FindTaskAsync(item.TaskId!.Value, cancellationToken);
            var expected = task?.Status switch
            {
                null => (PlanItemStatus?)null,
                WorkTaskStatus.Completed => PlanItemStatus.Done,
                WorkTaskStatus.Cancelled => PlanItemStatus.Cancelled,
                _ => PlanItemStatus.InProgress,
            };
            if (task is null)
            {
                found.Add(new Disagreement(DisagreementKind.ProcessMissing, record, $"plan item '{item.Title}' names task {item.TaskId}, which the engine does not have."));
            }
            else if (item.Status != expected)
            {
                found.Add(new Disagreement(DisagreementKind.ClaimStateDiffers, record, $"plan item '{item.Title}' is {item.Status}, but its task {task.Id} is {task.Status}."));
            }
        }
    }

    /// <summary>The stage of the most recent staged Action the deal's process entered (see the remarks).</summary>
    private async Task<string?> ExpectedStageAsync(ProcessInstance root, CancellationToken cancellationToken)
    {
        var entries = new List<(DateTimeOffset At, int Depth, long Sequence, string Stage)>();
        var pending = new Queue<(ProcessInstance Instance, int Depth)>([(root, 0)]);
        while (pending.TryDequeue(out var next))
        {
            var (instance, depth) = next;
            var map = await MapAsync(instance.MapKey, instance.MapVersion, cancellationToken);
            foreach (var entry in await _engine.GetHistoryAsync(instance.Id, cancellationToken))
            {
                var stage = entry.Kind switch
                {
                    HistoryKind.TokenMoved when depth == 0 && entry.PointId is { } pointId => (map?.FindPoint(pointId) as ActionPoint)?.Stage,
                    HistoryKind.TaskCreated when entry.TaskId is { } taskId => (await _engine.FindTaskAsync(taskId, cancellationToken))?.Stage,
                    _ => null,
                };
                if (!string.IsNullOrWhiteSpace(stage))
                {
                    entries.Add((entry.At, depth, entry.Sequence, stage));
                }
            }

            foreach (var child in await _engine.FindChildInstancesAsync(instance.Id, cancellationToken))
            {
                pending.Enqueue((child, depth + 1));
            }
        }

        return entries.Count == 0 ? null : entries.OrderBy(e => e.At).ThenBy(e => e.Depth).ThenBy(e => e.Sequence).Last().Stage;
    }

    private async Task<RouteMap?> MapAsync(string key, int version, CancellationToken cancellationToken)
    {
        if (!_mapCache.TryGetValue((key, version), out var map))
        {
            map = await _maps.GetAsync(key, version, cancellationToken);
            _mapCache[(key, version)] = map;
        }

        return map;
    }

    private static bool IsDealResult(string? result) =>
        string.Equals(result, nameof(DealStatus.Won), StringComparison.OrdinalIgnoreCase) || string.Equals(result, nameof(DealStatus.Lost), StringComparison.OrdinalIgnoreCase);

    private static string Describe(Guid? id) => id?.ToString() ?? "none";
}
