using System.Globalization;
using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Common;
using CrmBpm.Crm.Partners;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Crm.Claims;

/// <summary>
/// Registers claims and runs their action plans through <see cref="ClaimRouteMaps"/>: the first plan's items become
/// tasks of the claim-handling process, items added later each start a one-item process; the responsible employee
/// decides once every item is done. <see cref="ClaimTracker"/> mirrors task progress into the <see cref="Claim"/>.
/// </summary>
public sealed class ClaimService
{
    /// <summary>Subject type of claim processes and tasks.</summary>
    public const string SubjectType = "claim";

    private readonly CrmCommands _commands;
    private readonly CatalogueService _catalogues;
    private readonly IProcessEngine _engine;
    private readonly ITaskService _tasks;
    private readonly BuiltInMaps _builtInMaps;

    internal ClaimService(CrmCommands commands, CatalogueService catalogues, IRouteMapService maps, IProcessEngine engine, ITaskService tasks)
    {
        _commands = commands;
        _catalogues = catalogues;
        _builtInMaps = new BuiltInMaps(maps, () => [ClaimRouteMaps.BuildHandling(), ClaimRouteMaps.BuildLatePlanItem()]);
        _engine = engine;
        _tasks = tasks;
    }

    /// <summary>Registers a claim with its first action plan and starts the claim-handling process.</summary>
    public async Task<Claim> RegisterAsync(RegisterClaim request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await EnsureMapsDeployedAsync(cancellationToken).ConfigureAwait(false);
        var reason = await _catalogues.ResolveAsync(CatalogueKind.ClaimReason, request.Reason, "reason", cancellationToken).ConfigureAwait(false);
        var department = string.IsNullOrWhiteSpace(request.Department)
            ? null
            : await _catalogues.ResolveAsync(CatalogueKind.Department, request.Department, "department", cancellationToken).ConfigureAwait(false);
        var partnerName = await _commands.ReadAsync(async session =>
            (await PartnerService.GetPartnerAsync(session, request.PartnerId, cancellationToken).ConfigureAwait(false)).Name, cancellationToken).ConfigureAwait(false);
        var claim = new Claim(request.PartnerId, reason.Id, department?.Id, request.ResponsibleId, request.Description, request.RegisteredBy, _commands.Now);
        foreach (var item in request.Plan)
        {
            claim.AddPlanItem(item.Title, item.PerformerId, item.Deadline, _commands.Now);
        }

        // The claim commits with the start of its handling process (ClaimTracker attaches it there): never one without the other.
        await _engine.StartAsync(ClaimRouteMaps.HandlingKey, new StartOptions
        {
            Subject = new SubjectReference(SubjectType, claim.Id.ToString()),
            StartedBy = request.RegisteredBy,
            Variables = new Dictionary<string, object?>(Common(claim, partnerName)) { ["planItems"] = claim.PlanItems.Select(ToVariable).ToList() },
            JoinedWork = new JoinedCrmChange((session, _) =>
            {
                session.Claims.Add(claim);
                return Task.CompletedTask;
            }),
        }, cancellationToken).ConfigureAwait(false);
        return await GetAsync(claim.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds an item to the action plan. After the process started, the item gets its own one-item process, so it becomes a task at once.</summary>
    public async Task<ClaimPlanItem> AddPlanItemAsync(Guid claimId, PlanItemRequest item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        string partnerName = "";
        var (claim, added) = await _commands.RunAsync(async session =>
        {
            var claim = await GetClaimAsync(session, claimId, cancellationToken).ConfigureAwait(false);
            partnerName = (await session.Partners.FindAsync(claim.PartnerId, cancellationToken).ConfigureAwait(false))?.Name ?? "";
            return (claim, claim.AddPlanItem(item.Title, item.PerformerId, item.Deadline, _commands.Now));
        }, cancellationToken).ConfigureAwait(false);

        if (added.AddedLate)
        {
            await StartItemProcessAsync(claim, added, partnerName, cancellationToken).ConfigureAwait(false);
        }

        return (await GetAsync(claimId, cancellationToken).ConfigureAwait(false)).PlanItems.First(i => i.Id == added.Id);
    }

    /// <summary>
    /// Corrects an open plan item while the claim is in work; its task follows: a new performer gets the task redirected
    /// (history names <paramref name="by"/>), a new title or deadline cancels the old task and gives the item a new one in
    /// its own one-item process. Every change goes into the claim's change log; a claim saved by someone else since
    /// <paramref name="expectedVersion"/> is refused with <see cref="StaleRecordException"/>.
    /// </summary>
    public async Task<ClaimPlanItem> EditPlanItemAsync(Guid claimId, Guid itemId, PlanItemRequest item, string by, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        string partnerName = "";
        var (claim, revision) = await _commands.RunAsync(async session =>
        {
            var claim = await GetClaimAsync(session, claimId, cancellationToken).ConfigureAwait(false);
            claim.EnsureVersion(expectedVersion);
            partnerName = (await session.Partners.FindAsync(claim.PartnerId, cancellationToken).ConfigureAwait(false))?.Name ?? "";
            return (claim, claim.EditPlanItem(itemId, item.Title, item.PerformerId, item.Deadline, by, _commands.Now));
        }, cancellationToken).ConfigureAwait(false);

        var actor = new Actor(by, canActOnAnyTask: true);
        switch (revision.FollowUp)
        {
            case PlanItemFollowUp.Redirect:
                await FollowAsync(() => _tasks.RedirectAsync(revision.PreviousTaskId!.Value, actor, revision.Item.PerformerId, $"Plan item edited by {by}.", cancellationToken)).ConfigureAwait(false);
                break;
            case PlanItemFollowUp.Replace:
                await FollowAsync(() => _tasks.CancelAsync(revision.PreviousTaskId!.Value, actor, $"Plan item edited by {by}; a new task replaces this one.", cancellationToken)).ConfigureAwait(false);
                await StartItemProcessAsync(claim, revision.Item, partnerName, cancellationToken).ConfigureAwait(false);
                break;
        }

        return (await GetAsync(claimId, cancellationToken).ConfigureAwait(false)).PlanItems.First(i => i.Id == itemId);
    }

    /// <summary>
    /// Removes an open plan item while the claim is in work: it stays in the plan as cancelled (logged in the claim's change
    /// log) and its task is cancelled, so the decision no longer waits for it.
    /// </summary>
    public async Task<Claim> RemovePlanItemAsync(Guid claimId, Guid itemId, string by, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var taskId = await _commands.RunAsync(async session =>
        {
            var claim = await GetClaimAsync(session, claimId, cancellationToken).ConfigureAwait(false);
            claim.EnsureVersion(expectedVersion);
            return claim.RemovePlanItem(itemId, by, _commands.Now);
        }, cancellationToken).ConfigureAwait(false);
        if (taskId is { } id)
        {
            await FollowAsync(() => _tasks.CancelAsync(id, new Actor(by, canActOnAnyTask: true), $"Plan item removed by {by}.", cancellationToken)).ConfigureAwait(false);
        }

        return await GetAsync(claimId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Attaches a file reference (the file itself is stored elsewhere under <paramref name="storageKey"/>).</summary>
    public Task<ClaimAttachment> AddAttachmentAsync(Guid claimId, string fileName, string contentType, long size, string storageKey, string addedBy, CancellationToken cancellationToken = default) =>
        _commands.RunAsync(async session =>
        {
            var claim = await GetClaimAsync(session, claimId, cancellationToken).ConfigureAwait(false);
            return claim.AddAttachment(fileName, contentType, size, storageKey, addedBy, _commands.Now);
        }, cancellationToken);

    /// <summary>
    /// The responsible employee decides: completes the decision task with the result. Refused while plan items are
    /// open (naming them) and, for Not satisfied, without details.
    /// </summary>
    public async Task<Claim> DecideAsync(Guid claimId, Actor actor, ClaimResult result, string? details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var claim = await GetAsync(claimId, cancellationToken).ConfigureAwait(false);
        claim.EnsureReadyForDecision();
        if (result == ClaimResult.NotSatisfied && string.IsNullOrWhiteSpace(details))
        {
            throw new InputException("claim.details-required", "resultDetails", "Say why the claim was not satisfied.");
        }

        var tasks = claim.ProcessInstanceId is { } instanceId ? await _tasks.GetTasksOfInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false) : [];
        var decide = tasks.FirstOrDefault(t => t.IsActive && t.PointId == ClaimRouteMaps.DecidePointId)
            ?? throw new ConflictException("claim.not-ready", "The claim's process has not reached the decision yet.");
        await _tasks.CompleteAsync(decide.Id, actor, new TaskCompletion
        {
            Outcome = result == ClaimResult.Satisfied ? ClaimRouteMaps.Satisfied : ClaimRouteMaps.NotSatisfied,
            Variables = new Dictionary<string, object?> { ["resultDetails"] = details ?? "" },
        }, cancellationToken).ConfigureAwait(false);
        return await GetAsync(claimId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A claim; throws <see cref="NotFoundException"/> when unknown.</summary>
    public Task<Claim> GetAsync(Guid claimId, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync(session => GetClaimAsync(session, claimId, cancellationToken), cancellationToken);

    /// <summary>Claims, optionally of one partner, newest first.</summary>
    public Task<IReadOnlyList<Claim>> ListAsync(Guid? partnerId = null, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync<IReadOnlyList<Claim>>(async session =>
            [.. (await session.Claims.ListAsync(c => partnerId == null || c.PartnerId == partnerId, cancellationToken).ConfigureAwait(false)).OrderByDescending(c => c.RegisteredAt)], cancellationToken);

    /// <summary>Deploys the claim maps unless published versions exist.</summary>
    public Task EnsureMapsDeployedAsync(CancellationToken cancellationToken = default) => _builtInMaps.EnsureDeployedAsync(cancellationToken);

    /// <summary>Starts the one-item process of an item added late or re-planned by an edit.</summary>
    private Task<ProcessInstance> StartItemProcessAsync(Claim claim, ClaimPlanItem item, string partnerName, CancellationToken cancellationToken) =>
        _engine.StartAsync(ClaimRouteMaps.LatePlanItemKey, new StartOptions
        {
            Subject = new SubjectReference(SubjectType, claim.Id.ToString()),
            StartedBy = claim.ResponsibleId,
            Variables = new Dictionary<string, object?>(Common(claim, partnerName)) { ["planItems"] = new[] { ToVariable(item) } },
        }, cancellationToken);

    /// <summary>A task that was finished meanwhile needs no following any more.</summary>
    private static async Task FollowAsync(Func<Task<WorkTask>> action)
    {
        try
        {
            await action().ConfigureAwait(false);
        }
        catch (ConflictException ex) when (ex.Code is "task.already-completed" or "task.cancelled")
        {
            // Nothing to redirect or cancel any more.
        }
    }

    private static Dictionary<string, object?> Common(Claim claim, string partnerName) => new()
    {
        ["claimId"] = claim.Id.ToString(),
        ["partnerName"] = partnerName,
        ["summary"] = claim.Description.Length > 200 ? claim.Description[..200] + "…" : claim.Description,
        ["responsible"] = claim.ResponsibleId,
    };

    private static Dictionary<string, object?> ToVariable(ClaimPlanItem item) => new()
    {
        ["id"] = item.Id.ToString(),
        ["title"] = item.Title,
        ["performer"] = item.PerformerId,
        ["deadline"] = item.Deadline.ToString("O", CultureInfo.InvariantCulture),
    };

    private Task<Claim> ChangeAsync(Guid claimId, Action<Claim> change, CancellationToken cancellationToken) =>
        _commands.RunAsync(async session =>
        {
            var claim = await GetClaimAsync(session, claimId, cancellationToken).ConfigureAwait(false);
            change(claim);
            return claim;
        }, cancellationToken);

    private static async Task<Claim> GetClaimAsync(ICrmSession session, Guid claimId, CancellationToken cancellationToken) =>
        await session.Claims.FindAsync(claimId, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException("claim.not-found", $"Claim {claimId} does not exist.");
}
