using CrmBpm.Crm.Common;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Deals;

/// <summary>
/// A deal with a customer. The aggregate guards every transition: a process-controlled deal's stage moves only with
/// its process, a manual-stage deal records every change, a non-process deal has no stages, and a finished deal does
/// not change any more. Stages are catalogue codes (see <see cref="Catalogues.CatalogueKind.SalesStage"/>).
/// </summary>
public sealed class Deal : AggregateRoot, IChangeLogged
{
    /// <summary>Who process-driven changes are recorded as.</summary>
    public const string ProcessActor = "process";

    private readonly List<DealStageChange> _stageChanges = [];
    private readonly List<FieldChange> _changeLog = [];

    private Deal()
    {
    }

    /// <summary>Opens a deal in work. A manual-stage deal may start at a stage; the others start without one.</summary>
    public Deal(DealDetails details, Guid partnerId, Guid? contactId, string managerId, DealKind kind, string? routeMapKey, Guid? leadId, string openedBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        Id = Guid.NewGuid();
        PartnerId = Guard.Id(partnerId, "partnerId", "The partner");
        ContactId = contactId;
        ManagerId = Guard.Required(managerId, "managerId", "The manager", 200);
        Kind = kind;
        if (kind == DealKind.ProcessControlled)
        {
            RouteMapKey = Guard.Required(routeMapKey, "routeMapKey", "A process-controlled deal needs a route map; the route map", 200);
        }

        LeadId = leadId;
        OpenedBy = openedBy;
        OpenedAt = at;
        Apply(details);
        Raise(new DealOpened(Id, PartnerId, Kind, ManagerId, at));
    }

    /// <summary>Short description, e.g. "50 licences for ACME".</summary>
    public string Title { get; private set; } = "";

    /// <summary>The customer.</summary>
    public Guid PartnerId { get; private set; }

    /// <summary>The customer's contact person.</summary>
    public Guid? ContactId { get; private set; }

    /// <summary>The responsible manager (user id).</summary>
    public string ManagerId { get; private set; } = "";

    /// <summary>Expected revenue.</summary>
    public decimal PotentialAmount { get; private set; }

    /// <summary>Chance of winning in percent (0–100), set by hand or estimated from history.</summary>
    public decimal? Probability { get; private set; }

    /// <summary>True when <see cref="Probability"/> came from <see cref="ProbabilityEstimator"/>.</summary>
    public bool ProbabilityIsEstimated { get; private set; }

    /// <summary>How many closed deals the estimate was based on.</summary>
    public int? ProbabilitySampleSize { get; private set; }

    /// <summary>What the customer first asked for.</summary>
    public string PrimaryDemand { get; private set; } = "";

    /// <summary>What the customer is interested in (product group, service, ...).</summary>
    public string Interest { get; private set; } = "";

    /// <summary>Which advertising channel brought the customer.</summary>
    public string AdChannel { get; private set; } = "";

    /// <summary>When the manager expects to close it.</summary>
    public DateOnly? ExpectedCloseDate { get; private set; }

    /// <summary>Free description: what is being sold, conditions, notes.</summary>
    public string Description { get; private set; } = "";

    /// <summary>How stages are controlled.</summary>
    public DealKind Kind { get; private set; }

    /// <summary>In work, won or lost.</summary>
    public DealStatus Status { get; private set; }

    /// <summary>Current sales stage code; null for non-process deals and before the first stage.</summary>
    public string? Stage { get; private set; }

    /// <summary>Display name of <see cref="Stage"/>.</summary>
    public string? StageName { get; private set; }

    /// <summary>The route map of a process-controlled deal.</summary>
    public string? RouteMapKey { get; private set; }

    /// <summary>The running process of a process-controlled deal (null until it has started).</summary>
    public Guid? ProcessInstanceId { get; private set; }

    /// <summary>Why it was lost (loss-reason catalogue item).</summary>
    public Guid? LossReasonId { get; private set; }

    /// <summary>Free text about the loss or the win.</summary>
    public string? ResultDetails { get; private set; }

    /// <summary>The lead this deal converted.</summary>
    public Guid? LeadId { get; private set; }

    /// <summary>Who opened it.</summary>
    public string OpenedBy { get; private set; } = "";

    /// <summary>When it was opened.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>Who closed it (a user id or <see cref="ProcessActor"/>).</summary>
    public string? ClosedBy { get; private set; }

    /// <summary>When it was won or lost.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Every stage change, oldest first.</summary>
    public IReadOnlyList<DealStageChange> StageChanges => _stageChanges;

    /// <summary>Every stage the deal has been at.</summary>
    public IEnumerable<string> ReachedStages => _stageChanges.Select(c => c.ToStage).Distinct(StringComparer.Ordinal);

    /// <summary>Every correction made by hand (details, manager), oldest first; stage changes are in <see cref="StageChanges"/>.</summary>
    public IReadOnlyList<FieldChange> ChangeLog => _changeLog;

    /// <summary>True while the deal is in work.</summary>
    public bool IsOpen => Status == DealStatus.InWork;

    string IChangeLogged.RecordType => "deal";

    string IChangeLogged.DisplayName => Title;

    /// <summary>
    /// Corrects the descriptive fields (title, amount, expected close date, description, demand, interest, channel), recording
    /// each changed field in <see cref="ChangeLog"/>. Returns false when nothing changed.
    /// </summary>
    public bool ChangeDetails(DealDetails details, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(details);
        EnsureOpen("changed");
        var before = CurrentDetails;
        Apply(details);
        var after = CurrentDetails;
        var changed = false;
        changed |= Log(nameof(DealDetails.Title), before.Title, after.Title, by, at);
        changed |= Log(nameof(DealDetails.PotentialAmount), Common.ChangeLog.Text(before.PotentialAmount), Common.ChangeLog.Text(after.PotentialAmount), by, at);
        changed |= Log(nameof(DealDetails.ExpectedCloseDate), Common.ChangeLog.Text(before.ExpectedCloseDate), Common.ChangeLog.Text(after.ExpectedCloseDate), by, at);
        changed |= Log(nameof(DealDetails.Description), before.Description, after.Description, by, at);
        changed |= Log(nameof(DealDetails.PrimaryDemand), before.PrimaryDemand, after.PrimaryDemand, by, at);
        changed |= Log(nameof(DealDetails.Interest), before.Interest, after.Interest, by, at);
        changed |= Log(nameof(DealDetails.AdChannel), before.AdChannel, after.AdChannel, by, at);
        return changed;
    }

    /// <summary>The descriptive fields as they are now.</summary>
    public DealDetails CurrentDetails => new()
    {
        Title = Title, PotentialAmount = PotentialAmount, ExpectedCloseDate = ExpectedCloseDate, Description = Description,
        PrimaryDemand = PrimaryDemand, Interest = Interest, AdChannel = AdChannel,
    };

    /// <summary>
    /// Hands the deal to another manager, recorded in <see cref="ChangeLog"/>; returns the previous manager (null when it
    /// is the same one, and then nothing changes). The caller redirects the process tasks the previous manager holds.
    /// </summary>
    public string? Reassign(string managerId, string by, DateTimeOffset at)
    {
        EnsureOpen("reassigned");
        var previous = ManagerId;
        ManagerId = Guard.Required(managerId, "managerId", "The manager", 200);
        if (!Log("Manager", previous, ManagerId, by, at))
        {
            return null;
        }

        Raise(new DealReassigned(Id, previous, ManagerId, by, at));
        return previous;
    }

    /// <summary>Records that a process task followed the deal to its new manager.</summary>
    public void RecordTaskRedirected(string taskTitle, string fromUserId, string toUserId, string by, DateTimeOffset at) =>
        Log($"Task '{taskTitle}'", fromUserId, toUserId, by, at);

    /// <summary>Sets the probability by hand (0–100).</summary>
    public void SetProbability(decimal percent)
    {
        EnsureOpen("changed");
        Probability = CheckPercent(percent);
        ProbabilityIsEstimated = false;
        ProbabilitySampleSize = null;
    }

    /// <summary>Takes the probability from an estimate; an estimate without a sample leaves it unchanged.</summary>
    public void ApplyEstimate(ProbabilityEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        EnsureOpen("changed");
        if (estimate.Probability is not { } percent)
        {
            throw new ConflictException("deal.no-history", $"No closed deal reached stage '{estimate.Stage ?? "(none)"}' with these filters, so there is nothing to estimate the probability from; set it by hand.");
        }

        Probability = CheckPercent(percent);
        ProbabilityIsEstimated = true;
        ProbabilitySampleSize = estimate.SampleSize;
    }

    /// <summary>
    /// Moves a manual-stage deal to any stage (forwards, backwards or skipping). Refused for a process-controlled deal,
    /// naming the current stage and <paramref name="openProcessTasks"/>, and for a non-process deal.
    /// </summary>
    public void ChangeStage(string stage, string stageName, string by, DateTimeOffset at, IReadOnlyList<BlockingTask>? openProcessTasks = null)
    {
        EnsureOpen("moved to another stage");
        switch (Kind)
        {
            case DealKind.ProcessControlled:
                throw ControlledByProcess("deal.stage-controlled-by-process", $"move it to '{stageName}'", openProcessTasks ?? []);
            case DealKind.NonProcess:
                throw new ConflictException("deal.no-stages", $"Deal '{Title}' is a non-process deal and has no stages; change its kind to manual stages first, or just finish it as won or lost.");
        }

        if (Stage == stage)
        {
            return;
        }

        RecordStage(stage, stageName, Guard.Required(by, "by", "Who changes the stage", 200), at, StageChangeSource.Manual);
    }

    /// <summary>Follows the process: the process reached an Action of <paramref name="stage"/>. Ignored for other instances.</summary>
    public bool FollowProcess(Guid instanceId, string stage, string stageName, DateTimeOffset at)
    {
        if (!IsOpen || Kind != DealKind.ProcessControlled || ProcessInstanceId != instanceId || Stage == stage)
        {
            return false;
        }

        RecordStage(stage, stageName, ProcessActor, at, StageChangeSource.Process);
        return true;
    }

    /// <summary>Finishes the deal as won. A process-controlled deal is finished only by its process.</summary>
    public void Win(string by, DateTimeOffset at, string? details = null, IReadOnlyList<BlockingTask>? openProcessTasks = null)
    {
        EnsureOpen("won");
        if (Kind == DealKind.ProcessControlled)
        {
            throw ControlledByProcess("deal.status-controlled-by-process", "finish it as won", openProcessTasks ?? []);
        }

        Close(DealStatus.Won, null, details, by, at);
    }

    /// <summary>Finishes the deal as lost with a loss reason. A process-controlled deal is finished only by its process.</summary>
    public void Lose(Guid lossReasonId, string? details, string by, DateTimeOffset at, IReadOnlyList<BlockingTask>? openProcessTasks = null)
    {
        EnsureOpen("lost");
        if (Kind == DealKind.ProcessControlled)
        {
            throw ControlledByProcess("deal.status-controlled-by-process", "finish it as lost", openProcessTasks ?? []);
        }

        Close(DealStatus.Lost, lossReasonId, details, by, at);
    }

    /// <summary>
    /// The process ended. Result <c>Won</c> / <c>Lost</c> closes the deal (lost needs <paramref name="lossReasonId"/>);
    /// any other end releases the deal to manual stages, keeping its stage. Ignored for other instances.
    /// </summary>
    public bool ProcessCompleted(Guid instanceId, string? result, Guid? lossReasonId, string? details, DateTimeOffset at)
    {
        if (!IsOpen || ProcessInstanceId != instanceId)
        {
            return false;
        }

        if (string.Equals(result, nameof(DealStatus.Won), StringComparison.OrdinalIgnoreCase))
        {
            Close(DealStatus.Won, null, details, ProcessActor, at);
        }
        else if (string.Equals(result, nameof(DealStatus.Lost), StringComparison.OrdinalIgnoreCase))
        {
            Close(DealStatus.Lost, lossReasonId ?? throw new InputException("deal.loss-reason-required", "lossReason", "A lost deal needs a loss reason."), details, ProcessActor, at);
        }
        else
        {
            Release(ProcessActor, at, DealKind.ManualStages);
        }

        return true;
    }

    /// <summary>The process was terminated from outside: the deal goes on with manual stages, keeping its stage.</summary>
    public bool ProcessTerminated(Guid instanceId, DateTimeOffset at)
    {
        if (!IsOpen || ProcessInstanceId != instanceId)
        {
            return false;
        }

        Release(ProcessActor, at, DealKind.ManualStages);
        return true;
    }

    /// <summary>Puts the deal under the control of <paramref name="routeMapKey"/>; the process is attached once started.</summary>
    public void PutUnderProcess(string routeMapKey, string by, DateTimeOffset at)
    {
        EnsureOpen("put under a process");
        if (Kind == DealKind.ProcessControlled)
        {
            throw new ConflictException("deal.already-process-controlled", $"Deal '{Title}' already follows the process '{RouteMapKey}'.");
        }

        var from = Kind;
        Kind = DealKind.ProcessControlled;
        RouteMapKey = Guard.Required(routeMapKey, "routeMapKey", "The route map", 200);
        ProcessInstanceId = null;
        Raise(new DealKindChanged(Id, from, Kind, by, at));
    }

    /// <summary>Binds the started process (only while a process-controlled deal waits for one).</summary>
    public bool AttachProcess(Guid instanceId, string mapKey)
    {
        if (Kind != DealKind.ProcessControlled || ProcessInstanceId is not null || !string.Equals(mapKey, RouteMapKey, StringComparison.Ordinal))
        {
            return ProcessInstanceId == instanceId;
        }

        ProcessInstanceId = instanceId;
        return true;
    }

    /// <summary>
    /// Takes the deal out of process control (to manual stages, keeping the stage) or changes between manual and
    /// non-process. Returns the process instance the caller must terminate, if any.
    /// </summary>
    public Guid? ChangeKindTo(DealKind kind, string by, DateTimeOffset at)
    {
        EnsureOpen("changed");
        if (kind == Kind)
        {
            return null;
        }

        if (kind == DealKind.ProcessControlled)
        {
            throw new InputException("deal.route-map-required", "routeMapKey", "Say which route map should control the deal.");
        }

        var instance = ProcessInstanceId;
        Release(by, at, kind);
        return instance;
    }

    private void Release(string by, DateTimeOffset at, DealKind kind)
    {
        var from = Kind;
        Kind = kind;
        RouteMapKey = null;
        ProcessInstanceId = null;
        if (kind == DealKind.NonProcess)
        {
            Stage = null;
            StageName = null;
        }

        Raise(new DealKindChanged(Id, from, kind, by, at));
    }

    private void RecordStage(string stage, string stageName, string by, DateTimeOffset at, StageChangeSource source)
    {
        var from = Stage;
        Stage = Guard.Required(stage, "stage", "A stage", 100);
        StageName = string.IsNullOrWhiteSpace(stageName) ? stage : stageName;
        _stageChanges.Add(new DealStageChange(from, Stage, StageName, by, at, source));
        Raise(new DealStageChanged(Id, from, Stage, by, source, at));
    }

    private void Close(DealStatus status, Guid? lossReasonId, string? details, string by, DateTimeOffset at)
    {
        if (status == DealStatus.Lost && (lossReasonId is null || lossReasonId == Guid.Empty))
        {
            throw new InputException("deal.loss-reason-required", "lossReason", $"Say why deal '{Title}' was lost: choose a loss reason.");
        }

        Status = status;
        LossReasonId = lossReasonId;
        ResultDetails = string.IsNullOrWhiteSpace(details) ? null : details.Trim();
        ClosedBy = by;
        ClosedAt = at;
        Raise(status == DealStatus.Won ? new DealWon(Id, by, at) : new DealLost(Id, lossReasonId!.Value, ResultDetails, by, at));
    }

    private DealControlledByProcessException ControlledByProcess(string code, string attempted, IReadOnlyList<BlockingTask> tasks)
    {
        var at = Stage is null ? "has not reached a stage yet" : $"is at stage '{StageName}'";
        var next = tasks.Count switch
        {
            0 => "its process has no open task right now (it may be waiting for a nested process or stuck with an incident)",
            1 => $"complete the task {tasks[0].Describe()} to move it on",
            _ => $"complete the tasks {string.Join(", ", tasks.Select(t => t.Describe()))} to move it on",
        };
        return new DealControlledByProcessException(code,
            $"Deal '{Title}' {at} and is controlled by the process '{RouteMapKey}', so you cannot {attempted} directly: {next}.",
            Id, Stage, StageName, tasks);
    }

    private void EnsureOpen(string verb)
    {
        if (!IsOpen)
        {
            throw new ConflictException("deal.closed", $"Deal '{Title}' was {Status.ToString().ToLowerInvariant()} on {ClosedAt:yyyy-MM-dd}; it cannot be {verb} any more.");
        }
    }

    private bool Log(string field, string? before, string? after, string by, DateTimeOffset at) =>
        Common.ChangeLog.Record(_changeLog, field, before, after, by, at);

    private void Apply(DealDetails details)
    {
        Title = Guard.Required(details.Title, "title", "A deal title", 300);
        if (details.PotentialAmount < 0)
        {
            throw new InputException("deal.negative-amount", "potentialAmount", $"The potential amount cannot be negative ({details.PotentialAmount}).");
        }

        PotentialAmount = details.PotentialAmount;
        PrimaryDemand = Guard.Optional(details.PrimaryDemand, "primaryDemand", "The primary demand");
        Interest = Guard.Optional(details.Interest, "interest", "The interest", 400);
        AdChannel = Guard.Optional(details.AdChannel, "adChannel", "The ad channel", 200);
        ExpectedCloseDate = details.ExpectedCloseDate;
        Description = Guard.Optional(details.Description, "description", "The description", 8000);
    }

    private static decimal CheckPercent(decimal percent) => percent is < 0 or > 100
        ? throw new InputException("deal.probability-range", "probability", $"A probability is a percentage from 0 to 100, not {percent}.")
        : Math.Round(percent, 2);
}
