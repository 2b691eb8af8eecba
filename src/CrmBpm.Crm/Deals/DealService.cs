using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Common;
using CrmBpm.Crm.Duplicates;
using CrmBpm.Crm.Leads;
using CrmBpm.Crm.Partners;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Crm.Deals;

/// <summary>
/// Opens deals, converts leads, changes stages, kinds and probabilities, and finishes deals. Process-controlled deals
/// start their route map with the subject <c>("deal", id)</c>; <see cref="DealProcessTracker"/> then moves the stage.
/// A call that starts or terminates a process hands its deal change to that engine command
/// (<see cref="JoinedCrmChange"/>), so the deal and its process commit together.
/// </summary>
public sealed class DealService
{
    /// <summary>The subject type of deal processes and their tasks.</summary>
    public const string SubjectType = "deal";

    private readonly CrmCommands _commands;
    private readonly CatalogueService _catalogues;
    private readonly IRouteMapService _maps;
    private readonly IProcessEngine _engine;
    private readonly ITaskService _tasks;
    private readonly IPeopleDirectory _people;

    internal DealService(CrmCommands commands, CatalogueService catalogues, IRouteMapService maps, IProcessEngine engine, ITaskService tasks, IPeopleDirectory people)
    {
        _people = people;
        _commands = commands;
        _catalogues = catalogues;
        _maps = maps;
        _engine = engine;
        _tasks = tasks;
    }

    /// <summary>Opens a deal; for a lead, converts it on its first deal; for a process-controlled deal, starts its process.</summary>
    public async Task<Deal> OpenAsync(OpenDeal request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind == DealKind.ProcessControlled)
        {
            await GetPublishedMapAsync(request.RouteMapKey, cancellationToken).ConfigureAwait(false);
        }

        var stage = request.Kind == DealKind.ManualStages && !string.IsNullOrWhiteSpace(request.Stage)
            ? await _catalogues.ResolveAsync(CatalogueKind.SalesStage, request.Stage, "stage", cancellationToken).ConfigureAwait(false)
            : null;
        if (request.Kind != DealKind.ManualStages && !string.IsNullOrWhiteSpace(request.Stage))
        {
            throw new InputException("deal.stage-not-allowed", "stage", request.Kind == DealKind.NonProcess
                ? "A non-process deal has no stages."
                : "A process-controlled deal takes its stage from its process; leave the stage empty.");
        }

        if (request.Kind != DealKind.ProcessControlled)
        {
            return await _commands.RunAsync(async session =>
            {
                var opening = await PrepareAsync(session, request, stage, cancellationToken).ConfigureAwait(false);
                await opening.AddToAsync(session, _commands.Now, cancellationToken).ConfigureAwait(false);
                return opening.Deal;
            }, cancellationToken).ConfigureAwait(false);
        }

        // The deal (and the lead's conversion) commit with the start of its process: a crash cannot leave one without the other.
        var prepared = await _commands.ReadAsync(session => PrepareAsync(session, request, stage, cancellationToken), cancellationToken).ConfigureAwait(false);
        await StartProcessAsync(prepared.Deal, request.OpenedBy, null,
            new JoinedCrmChange((session, ct) => prepared.AddToAsync(session, _commands.Now, ct)), cancellationToken).ConfigureAwait(false);
        return await GetAsync(prepared.Deal.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves a manual-stage deal to any stage. A process-controlled deal refuses with
    /// <see cref="DealControlledByProcessException"/> naming its stage and the tasks to complete.
    /// </summary>
    public async Task<Deal> ChangeStageAsync(Guid dealId, string stage, string by, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(dealId, cancellationToken).ConfigureAwait(false);
        var blocking = await OpenTasksAsync(current, cancellationToken).ConfigureAwait(false);
        var resolved = current.Kind == DealKind.ManualStages
            ? await _catalogues.ResolveAsync(CatalogueKind.SalesStage, stage, "stage", cancellationToken).ConfigureAwait(false)
            : null;
        return await _commands.RunAsync(async session =>
        {
            var deal = await GetDealAsync(session, dealId, cancellationToken).ConfigureAwait(false);
            deal.ChangeStage(resolved?.Code ?? stage, resolved?.Name ?? stage, by, _commands.Now, blocking);
            return deal;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finishes a manual-stage or non-process deal as won.</summary>
    public async Task<Deal> WinAsync(Guid dealId, string by, string? details = null, CancellationToken cancellationToken = default)
    {
        var blocking = await OpenTasksAsync(await GetAsync(dealId, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return await _commands.RunAsync(async session =>
        {
            var deal = await GetDealAsync(session, dealId, cancellationToken).ConfigureAwait(false);
            deal.Win(by, _commands.Now, details, blocking);
            return deal;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Finishes a manual-stage or non-process deal as lost; <paramref name="lossReason"/> (id, code or name) is required.</summary>
    public async Task<Deal> LoseAsync(Guid dealId, string? lossReason, string? details, string by, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(dealId, cancellationToken).ConfigureAwait(false);
        var blocking = await OpenTasksAsync(current, cancellationToken).ConfigureAwait(false);
        var reason = current.Kind == DealKind.ProcessControlled || !current.IsOpen
            ? null
            : await _catalogues.ResolveAsync(CatalogueKind.LossReason, lossReason, "lossReason", cancellationToken).ConfigureAwait(false);
        return await _commands.RunAsync(async session =>
        {
            var deal = await GetDealAsync(session, dealId, cancellationToken).ConfigureAwait(false);
            deal.Lose(reason?.Id ?? Guid.Empty, details, by, _commands.Now, blocking);
            return deal;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Changes how stages are controlled. Manual/non-process → process starts <paramref name="routeMapKey"/> at the
    /// Action whose stage is the deal's current stage (from the start when the deal has no stage) and refuses when the
    /// map has no such stage; process → manual/non-process terminates the process (cancelling its tasks) and keeps the stage.
    /// </summary>
    public async Task<Deal> ChangeKindAsync(Guid dealId, DealKind kind, string? routeMapKey, string by, CancellationToken cancellationToken = default)
    {
        if (kind != DealKind.ProcessControlled)
        {
            await ReleaseAsync(dealId, kind, by, cancellationToken).ConfigureAwait(false);
            return await GetAsync(dealId, cancellationToken).ConfigureAwait(false);
        }

        var current = await GetAsync(dealId, cancellationToken).ConfigureAwait(false);
        var map = await GetPublishedMapAsync(routeMapKey, cancellationToken).ConfigureAwait(false);
        string? startAt = null;
        if (current.Stage is { } stage)
        {
            var stages = await _catalogues.ListAsync(CatalogueKind.SalesStage, includeArchived: true, cancellationToken).ConfigureAwait(false);
            var actions = map.Points.OfType<ActionPoint>().Where(a => !string.IsNullOrWhiteSpace(a.Stage)).ToList();
            startAt = actions.FirstOrDefault(a => StageCode(stages, a.Stage!) == stage)?.Id
                ?? throw new ConflictException("deal.stage-not-in-map",
                    $"Deal '{current.Title}' is at stage '{current.StageName}', but route map '{map.Key}' has no Action for that stage, so it cannot take over the deal there. " +
                    (actions.Count == 0 ? "The map has no staged Actions at all." : $"Its stages are: {string.Join(", ", actions.Select(a => a.Stage).Distinct())}."));
        }

        // The deal comes under the process in the process's start command, so it is never process-controlled without one.
        await StartProcessAsync(current, by, startAt, new JoinedCrmChange(async (session, ct) =>
        {
            var deal = await GetDealAsync(session, dealId, ct).ConfigureAwait(false);
            deal.PutUnderProcess(map.Key, by, _commands.Now);
        }), cancellationToken, map.Key).ConfigureAwait(false);
        return await GetAsync(dealId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Corrects the deal's details (title, amount, expected close date, description, demand, interest, channel); every
    /// changed field goes into the deal's change log. <paramref name="expectedVersion"/> is the version the editor read:
    /// a deal saved by someone else since then is refused with <see cref="StaleRecordException"/>, never overwritten.
    /// </summary>
    public Task<Deal> EditAsync(Guid dealId, DealDetails details, string by, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        return _commands.RunAsync(async session =>
        {
            var deal = await GetDealAsync(session, dealId, cancellationToken).ConfigureAwait(false);
            deal.EnsureVersion(expectedVersion);
            deal.ChangeDetails(details, by, _commands.Now);
            return deal;
        }, cancellationToken);
    }

    /// <summary>
    /// Hands the deal to another manager. The open tasks of the deal's process (and its nested processes) held by the
    /// previous manager follow: each is redirected to the new one in the engine (its history names <paramref name="by"/>),
    /// the process variable <c>manager</c> changes so later tasks addressed to the manager go to the new one too, and each
    /// redirected task is written into the deal's change log. Pool tasks stay in their pools.
    /// </summary>
    public async Task<Deal> ReassignAsync(Guid dealId, string managerId, string by, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var previous = await _commands.RunAsync(async session =>
        {
            var deal = await GetDealAsync(session, dealId, cancellationToken).ConfigureAwait(false);
            deal.EnsureVersion(expectedVersion);
            return (Deal: deal, Previous: deal.Reassign(managerId, by, _commands.Now));
        }, cancellationToken).ConfigureAwait(false);
        if (previous.Previous is not { } from || previous.Deal.ProcessInstanceId is not { } instanceId)
        {
            return previous.Deal;
        }

        var to = previous.Deal.ManagerId;
        var actor = new Actor(by, canActOnAnyTask: true);
        var redirected = new List<BlockingTask>();
        foreach (var task in await OpenTasksAsync(previous.Deal, cancellationToken).ConfigureAwait(false))
        {
            if (task.AssigneeId == from)
            {
                try
                {
                    await _tasks.RedirectAsync(task.TaskId, actor, to, $"Deal '{previous.Deal.Title}' reassigned from {from} to {to} by {by}.", cancellationToken).ConfigureAwait(false);
                    redirected.Add(task);
                }
                catch (ConflictException ex) when (ex.Code is "task.already-completed" or "task.cancelled")
                {
                    // Finished between the read and the redirect: nothing left to hand over.
                }
            }
        }

        try
        {
            var department = await _people.DepartmentOfAsync(to, cancellationToken).ConfigureAwait(false);
            await _engine.SetVariablesAsync(instanceId, new Dictionary<string, object?> { ["manager"] = to, ["department"] = department }, by, cancellationToken).ConfigureAwait(false);
        }
        catch (ConflictException ex) when (ex.Code == "instance.finished")
        {
            // The process ended meanwhile: no later task will ask for the manager.
        }

        return await _commands.RunAsync(async session =>
        {
            var deal = await GetDealAsync(session, dealId, cancellationToken).ConfigureAwait(false);
            foreach (var task in redirected)
            {
                deal.RecordTaskRedirected(task.Title, from, to, by, _commands.Now);
            }

            return deal;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets the probability by hand (0–100).</summary>
    public Task<Deal> SetProbabilityAsync(Guid dealId, decimal percent, CancellationToken cancellationToken = default) =>
        _commands.RunAsync(async session =>
        {
            var deal = await GetDealAsync(session, dealId, cancellationToken).ConfigureAwait(false);
            deal.SetProbability(percent);
            return deal;
        }, cancellationToken);

    /// <summary>
    /// Estimates the deal's probability: the share of won deals among closed deals that reached its current stage,
    /// optionally only of the same manager, partner and kind; returned with the sample size.
    /// </summary>
    public async Task<ProbabilityEstimate> EstimateProbabilityAsync(Guid dealId, bool sameManager = false, bool samePartner = false, bool sameKind = false, CancellationToken cancellationToken = default)
    {
        var deal = await GetAsync(dealId, cancellationToken).ConfigureAwait(false);
        var filter = new ProbabilityFilter
        {
            ManagerId = sameManager ? deal.ManagerId : null,
            PartnerId = samePartner ? deal.PartnerId : null,
            Kind = sameKind ? deal.Kind : null,
        };
        var closed = await _commands.ReadAsync(session => session.Deals.ListAsync(d => d.Status != DealStatus.InWork, cancellationToken), cancellationToken).ConfigureAwait(false);
        return ProbabilityEstimator.Estimate(closed, deal.Stage, filter);
    }

    /// <summary>Estimates the probability (see <see cref="EstimateProbabilityAsync"/>) and stores it on the deal.</summary>
    public async Task<Deal> ApplyEstimatedProbabilityAsync(Guid dealId, bool sameManager = false, bool samePartner = false, bool sameKind = false, CancellationToken cancellationToken = default)
    {
        var estimate = await EstimateProbabilityAsync(dealId, sameManager, samePartner, sameKind, cancellationToken).ConfigureAwait(false);
        return await _commands.RunAsync(async session =>
        {
            var deal = await GetDealAsync(session, dealId, cancellationToken).ConfigureAwait(false);
            deal.ApplyEstimate(estimate);
            return deal;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A deal; throws <see cref="NotFoundException"/> when unknown.</summary>
    public Task<Deal> GetAsync(Guid dealId, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync(session => GetDealAsync(session, dealId, cancellationToken), cancellationToken);

    /// <summary>Deals, optionally of one manager, partner or status, newest first.</summary>
    public Task<IReadOnlyList<Deal>> ListAsync(string? managerId = null, Guid? partnerId = null, DealStatus? status = null, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync<IReadOnlyList<Deal>>(async session =>
        {
            var deals = await session.Deals.ListAsync(d =>
                (managerId == null || d.ManagerId == managerId) &&
                (partnerId == null || d.PartnerId == partnerId) &&
                (status == null || d.Status == status), cancellationToken).ConfigureAwait(false);
            return [.. deals.OrderByDescending(d => d.OpenedAt)];
        }, cancellationToken);

    /// <summary>The open tasks of a deal's process (and its nested processes): what must be done to move it on.</summary>
    public async Task<IReadOnlyList<BlockingTask>> OpenTasksAsync(Deal deal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (deal.ProcessInstanceId is not { } root)
        {
            return [];
        }

        var result = new List<BlockingTask>();
        var pending = new Stack<Guid>([root]);
        while (pending.TryPop(out var instanceId))
        {
            result.AddRange((await _tasks.GetTasksOfInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false))
                .Where(t => t.IsActive)
                .Select(t => new BlockingTask(t.Id, t.Title, t.AssigneeId, t.PerformerRole, t.PerformerAddressingObject)));
            foreach (var child in await _engine.GetChildInstancesAsync(instanceId, cancellationToken).ConfigureAwait(false))
            {
                pending.Push(child.Id);
            }
        }

        return result;
    }

    internal static string StageCode(IReadOnlyList<CatalogueItem> stages, string stage) =>
        stages.FirstOrDefault(s => s.Matches(stage))?.Code ?? CatalogueItem.NormalizeCode(stage);

    private async Task StartProcessAsync(Deal deal, string by, string? startAtPointId, JoinedCrmChange joined, CancellationToken cancellationToken, string? mapKey = null) =>
        await _engine.StartAsync(mapKey ?? deal.RouteMapKey!, new StartOptions
        {
            Subject = new SubjectReference(SubjectType, deal.Id.ToString()),
            StartedBy = by,
            StartAtPointId = startAtPointId,
            Variables = new Dictionary<string, object?>
            {
                ["dealId"] = deal.Id.ToString(),
                ["dealTitle"] = deal.Title,
                ["manager"] = deal.ManagerId,
                ["department"] = await _people.DepartmentOfAsync(deal.ManagerId, cancellationToken).ConfigureAwait(false),
                ["partnerId"] = deal.PartnerId.ToString(),
                ["potentialAmount"] = deal.PotentialAmount,
            },

            // DealProcessTracker attaches the started instance while the same command follows its events.
            JoinedWork = joined,
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Takes the deal out of process control (or between manual and non-process). A running process is terminated in
    /// the same command that releases the deal, so neither is left behind by a crash.
    /// </summary>
    private async Task ReleaseAsync(Guid dealId, DealKind kind, string by, CancellationToken cancellationToken)
    {
        var current = await GetAsync(dealId, cancellationToken).ConfigureAwait(false);
        if (current.ProcessInstanceId is { } instanceId && current.Kind != kind)
        {
            try
            {
                await _engine.TerminateAsync(instanceId, new TerminateOptions
                {
                    Reason = $"Deal {dealId} switched to {kind}.",
                    Actor = by,
                    JoinedWork = new JoinedCrmChange(async (session, ct) =>
                    {
                        var deal = await GetDealAsync(session, dealId, ct).ConfigureAwait(false);
                        if (deal.ChangeKindTo(kind, by, _commands.Now) != instanceId)
                        {
                            throw new ConflictException("deal.changed", $"Deal '{deal.Title}' changed while it was being released from its process; reload it and try again.");
                        }
                    }),
                }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ConflictException ex) when (ex.Code == "instance.finished")
            {
                // The process has ended: nothing left to stop, only the deal to release.
            }
            catch (NotFoundException)
            {
                // The deal names a process the engine does not have: release the deal all the same.
            }
        }

        await _commands.RunAsync(async session =>
        {
            var deal = await GetDealAsync(session, dealId, cancellationToken).ConfigureAwait(false);
            return deal.ChangeKindTo(kind, by, _commands.Now);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RouteMap> GetPublishedMapAsync(string? key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new InputException("deal.route-map-required", "routeMapKey", "A process-controlled deal needs a route map.");
        }

        return await _maps.GetLatestPublishedAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new InputException("deal.route-map-not-published", "routeMapKey", $"Route map '{key}' has no published version; publish it before deals can follow it.");
    }

    /// <summary>Checks the request and builds what opening the deal writes, writing nothing yet.</summary>
    private async Task<DealOpening> PrepareAsync(ICrmSession session, OpenDeal request, CatalogueItem? stage, CancellationToken cancellationToken)
    {
        var parties = request.LeadId is { } leadId
            ? await PrepareLeadConversionAsync(session, leadId, request, cancellationToken).ConfigureAwait(false)
            : await CheckPartnerAsync(session, request, cancellationToken).ConfigureAwait(false);
        var deal = new Deal(request.Details, parties.PartnerId, parties.ContactId, request.ManagerId, request.Kind, request.RouteMapKey, request.LeadId, request.OpenedBy, _commands.Now);
        if (stage is not null)
        {
            deal.ChangeStage(stage.Code, stage.Name, request.OpenedBy, _commands.Now);
        }

        if (request.Probability is { } probability)
        {
            deal.SetProbability(probability);
        }

        return new DealOpening(deal, parties);
    }

    private static async Task<DealParties> CheckPartnerAsync(ICrmSession session, OpenDeal request, CancellationToken cancellationToken)
    {
        var partnerId = request.PartnerId ?? throw new InputException("deal.partner-required", "partnerId", "A deal needs a partner or a lead.");
        await PartnerService.GetPartnerAsync(session, partnerId, cancellationToken).ConfigureAwait(false);
        if (request.ContactId is { } contactId)
        {
            var contact = await session.Contacts.FindAsync(contactId, cancellationToken).ConfigureAwait(false);
            if (contact is null || contact.PartnerId != partnerId)
            {
                throw new InputException("deal.contact-unknown", "contactId", $"Contact {contactId} is not a contact of partner {partnerId}.");
            }
        }

        return new DealParties(partnerId, request.ContactId);
    }

    private async Task<DealParties> PrepareLeadConversionAsync(ICrmSession session, Guid leadId, OpenDeal request, CancellationToken cancellationToken)
    {
        var lead = await LeadService.GetLeadAsync(session, leadId, cancellationToken).ConfigureAwait(false);
        if (lead.Status == LeadStatus.Converted)
        {
            return new DealParties(lead.PartnerId!.Value, request.ContactId ?? lead.ContactId);
        }

        if (lead.Status == LeadStatus.Discarded)
        {
            throw new ConflictException("lead.discarded", $"Lead '{lead.CompanyName}' was discarded ({lead.DiscardReason}); register it again to open a deal.");
        }

        Partner partner;
        Partner? newPartner = null;
        Counterparty? newCounterparty = null;
        if (request.PartnerId is { } existing)
        {
            partner = await PartnerService.GetPartnerAsync(session, existing, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (!request.AllowDuplicates)
            {
                var probe = new DuplicateProbe(lead.CompanyName, lead.TaxId, PartnerService.Phones(lead.Phone), PartnerService.Emails(lead.Email)) { Ignore = [lead.Id] };
                var result = await DuplicateChecker.CheckAsync(session, probe, cancellationToken).ConfigureAwait(false);
                if (result.HasDuplicates)
                {
                    throw new DuplicateRecordException(result);
                }
            }

            partner = new Partner(lead.CompanyName, PartnerKind.Company, PartnerRelations.Customer, lead.Phone, lead.Email, null, request.OpenedBy, _commands.Now);
            partner.MarkCreatedFromLead(lead.Id);
            newPartner = partner;
            newCounterparty = lead.TaxId is null ? null : new Counterparty(partner.Id, lead.CompanyName, lead.TaxId);
        }

        var newContact = request.ContactId is null && !string.IsNullOrWhiteSpace(lead.ContactName)
            ? new Contact(partner.Id, lead.ContactName, lead.Phone, lead.Email, null)
            : null;
        return new DealParties(partner.Id, request.ContactId ?? newContact?.Id)
        {
            LeadToConvert = lead.Status == LeadStatus.Open ? lead.Id : null,
            NewPartner = newPartner,
            NewCounterparty = newCounterparty,
            NewContact = newContact,
        };
    }

    private static async Task<Deal> GetDealAsync(ICrmSession session, Guid dealId, CancellationToken cancellationToken) =>
        await session.Deals.FindAsync(dealId, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException("deal.not-found", $"Deal {dealId} does not exist.");
}
