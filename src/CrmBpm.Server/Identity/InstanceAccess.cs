using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Instructions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Server.Identity;

/// <summary>
/// Who may start, see and operate process instances. An instance follows its subject (<see cref="SubjectRights"/>) and its
/// participants: the user sees it when they may see its subject, started it, or hold a task in it (a Head: when their
/// team does; an Administrator: always). A child instance is seen with its root. An instance the user may not see is
/// reported exactly as a missing one, so its existence does not leak. The CRM's own maps are started only by the CRM,
/// and a start or an operation that concerns a CRM record needs the right to change that record.
/// </summary>
public sealed class InstanceAccess(IProcessEngine engine, ITaskService tasks, WorkScope work, SubjectRights subjects)
{
    /// <summary>The maps the CRM starts itself, with where a user starts them instead.</summary>
    public static readonly IReadOnlyDictionary<string, string> CrmMaps = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [InstructionRouteMap.Key] = "give an instruction (POST /api/instructions)",
        [ClaimRouteMaps.HandlingKey] = "register a claim (POST /api/claims)",
        [ClaimRouteMaps.LatePlanItemKey] = "add a plan item to the claim (POST /api/claims/{id}/plan-items)",
    };

    /// <summary>Refuses a start the user may not make: a CRM map, or a subject they may not change.</summary>
    /// <exception cref="ForbiddenException">A CRM map, or a CRM record the user may not change.</exception>
    /// <exception cref="InputException">The subject names a CRM record that does not exist.</exception>
    public async Task EnsureMayStartAsync(string mapKey, SubjectReference? subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapKey);
        if (CrmMaps.TryGetValue(mapKey.Trim(), out var instead))
        {
            throw new ForbiddenException("instance.crm-map", $"Route map '{mapKey}' is started only by the CRM; {instead}.");
        }

        if (subject is null || !SubjectRights.CrmTypes.Contains(subject.Type))
        {
            return;
        }

        if (!await subjects.ExistsAsync(subject, cancellationToken))
        {
            throw new InputException("instance.subject-unknown", "subjectId", $"There is no {subject.Type} '{subject.Id}'.");
        }

        if (!await subjects.CanChangeAsync(subject, cancellationToken))
        {
            throw new ForbiddenException("instance.subject-not-yours", $"You may not change {subject.Type} '{subject.Id}', so you may not start a process about it.");
        }
    }

    /// <summary>The instance, when the user may see it.</summary>
    /// <exception cref="NotFoundException">No such instance, or one the user may not see (the same answer).</exception>
    public async Task<ProcessInstance> GetVisibleAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await engine.GetInstanceAsync(instanceId, cancellationToken);
        return await CanSeeAsync(instance, cancellationToken) ? instance : throw NotFound(instanceId);
    }

    /// <summary>The instance, when the user may see it and operate on it (suspend, resume, terminate, retry).</summary>
    /// <exception cref="NotFoundException">No such instance, or one the user may not see.</exception>
    /// <exception cref="ForbiddenException">The instance is about a CRM record the user may not change.</exception>
    public async Task<ProcessInstance> GetOperableAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await GetVisibleAsync(instanceId, cancellationToken);
        var root = instance.RootInstanceId == instance.Id ? instance : await engine.GetInstanceAsync(instance.RootInstanceId, cancellationToken);
        foreach (var subject in new[] { instance.Subject, root.Subject }.OfType<SubjectReference>().Where(s => SubjectRights.CrmTypes.Contains(s.Type)))
        {
            if (!await subjects.CanChangeAsync(subject, cancellationToken))
            {
                throw new ForbiddenException("instance.subject-not-yours", $"Instance {instanceId} is about {subject.Type} '{subject.Id}', which you may not change.");
            }
        }

        return instance;
    }

    /// <summary>True when the user may see <paramref name="instance"/> (see the class summary).</summary>
    public async Task<bool> CanSeeAsync(ProcessInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (work.User.IsAdministrator || await SeesItselfAsync(instance, cancellationToken))
        {
            return true;
        }

        return instance.RootInstanceId != instance.Id &&
            await SeesItselfAsync(await engine.GetInstanceAsync(instance.RootInstanceId, cancellationToken), cancellationToken);
    }

    /// <summary>The tasks of a visible instance that the user may also see one by one (<c>GET /api/tasks/{id}</c>).</summary>
    public async Task<IReadOnlyList<WorkTask>> VisibleTasksOfAsync(Guid instanceId, CancellationToken cancellationToken = default)
    {
        var visible = new List<WorkTask>();
        foreach (var task in await tasks.GetTasksOfInstanceAsync(instanceId, cancellationToken))
        {
            if (await work.CanSeeTaskAsync(task, cancellationToken))
            {
                visible.Add(task);
            }
        }

        return visible;
    }

    /// <summary>The answer for a missing or hidden instance: the engine's own words.</summary>
    public static NotFoundException NotFound(Guid instanceId) => new("instance.not-found", $"Instance {instanceId} does not exist.");

    private async Task<bool> SeesItselfAsync(ProcessInstance instance, CancellationToken cancellationToken)
    {
        if (instance.StartedBy is { } starter && await work.CoversUserAsync(starter, cancellationToken))
        {
            return true;
        }

        if (instance.Subject is { } subject && await subjects.CanSeeAsync(subject, cancellationToken))
        {
            return true;
        }

        foreach (var task in await tasks.GetTasksOfInstanceAsync(instance.Id, cancellationToken))
        {
            if (await work.CanSeeTaskAsync(task, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
