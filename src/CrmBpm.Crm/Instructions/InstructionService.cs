using CrmBpm.Crm.Common;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;

namespace CrmBpm.Crm.Instructions;

/// <summary>
/// Gives instructions and drives them: the performer accepts and reports, the author accepts or returns with a comment.
/// Each step is a task of the <see cref="InstructionRouteMap"/> process, so the same steps can also be taken from
/// My tasks; <see cref="InstructionTracker"/> mirrors the process into the <see cref="Instruction"/>.
/// </summary>
public sealed class InstructionService
{
    /// <summary>Subject type of standalone instructions.</summary>
    public const string SubjectType = "instruction";

    private readonly CrmCommands _commands;
    private readonly CrmOptions _options;
    private readonly IProcessEngine _engine;
    private readonly ITaskService _tasks;
    private readonly BuiltInMaps _builtInMaps;
    private readonly IPeopleDirectory _people;

    internal InstructionService(CrmCommands commands, CrmOptions options, IRouteMapService maps, IProcessEngine engine, ITaskService tasks, IPeopleDirectory people)
    {
        _people = people;
        _commands = commands;
        _options = options;
        _builtInMaps = new BuiltInMaps(maps, () => [InstructionRouteMap.Build()]);
        _engine = engine;
        _tasks = tasks;
    }

    /// <summary>Gives an instruction and starts its process; the performer finds an Execute task in My tasks.</summary>
    public async Task<Instruction> GiveAsync(GiveInstruction request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await EnsureMapDeployedAsync(cancellationToken).ConfigureAwait(false);
        var dueAt = request.DueAt ?? _commands.Now + _options.DefaultInstructionDeadline;
        var instruction = new Instruction(request.Title, request.Description, request.AuthorId, request.PerformerId, request.Subject, dueAt, _commands.Now);
        var performerName = await NameOfAsync(instruction.PerformerId, cancellationToken).ConfigureAwait(false);

        // The instruction commits with the start of its process (InstructionTracker attaches it there): never one without the other.
        await _engine.StartAsync(InstructionRouteMap.Key, new StartOptions
        {
            Subject = request.Subject ?? new SubjectReference(SubjectType, instruction.Id.ToString()),
            StartedBy = instruction.AuthorId,
            BusinessKey = instruction.Id.ToString(),
            Variables = new Dictionary<string, object?>
            {
                ["instructionId"] = instruction.Id.ToString(),
                ["title"] = instruction.Title,
                ["description"] = instruction.Description,
                ["author"] = instruction.AuthorId,
                ["performer"] = instruction.PerformerId,
                ["performerName"] = performerName,
                ["deadline"] = dueAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["report"] = "",
                ["returnComment"] = "",
                ["returnNote"] = "",
            },
            JoinedWork = new JoinedCrmChange((session, _) =>
            {
                session.Instructions.Add(instruction);
                return Task.CompletedTask;
            }),
        }, cancellationToken).ConfigureAwait(false);
        return await GetAsync(instruction.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The performer takes the Execute task into work.</summary>
    public async Task<Instruction> AcceptForExecutionAsync(Guid instructionId, Actor actor, CancellationToken cancellationToken = default)
    {
        var task = await CurrentTaskAsync(instructionId, InstructionRouteMap.ExecutePointId, cancellationToken).ConfigureAwait(false);
        await _tasks.AcceptAsync(task.Id, actor, cancellationToken).ConfigureAwait(false);
        return await GetAsync(instructionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The performer reports the work done; it goes to the author for verification (unless they are the same person).</summary>
    public async Task<Instruction> ReportExecutedAsync(Guid instructionId, Actor actor, string? report = null, CancellationToken cancellationToken = default)
    {
        var task = await CurrentTaskAsync(instructionId, InstructionRouteMap.ExecutePointId, cancellationToken).ConfigureAwait(false);
        await _tasks.CompleteAsync(task.Id, actor, new TaskCompletion { Variables = new Dictionary<string, object?> { ["report"] = report ?? "" } }, cancellationToken).ConfigureAwait(false);
        return await GetAsync(instructionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The author accepts the result; the instruction is completed.</summary>
    public async Task<Instruction> AcceptResultAsync(Guid instructionId, Actor actor, CancellationToken cancellationToken = default)
    {
        var task = await CurrentTaskAsync(instructionId, InstructionRouteMap.VerifyPointId, cancellationToken).ConfigureAwait(false);
        await _tasks.CompleteAsync(task.Id, actor, new TaskCompletion { Outcome = InstructionRouteMap.Accept }, cancellationToken).ConfigureAwait(false);
        return await GetAsync(instructionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The author returns the work with a comment; the performer's next Execute task carries it.</summary>
    public async Task<Instruction> ReturnAsync(Guid instructionId, Actor actor, string comment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var text = Guard.Required(comment, "comment", "A comment saying what is still to be done", 4000);
        var task = await CurrentTaskAsync(instructionId, InstructionRouteMap.VerifyPointId, cancellationToken).ConfigureAwait(false);
        var authorName = await NameOfAsync(actor.UserId, cancellationToken).ConfigureAwait(false);
        await _tasks.CompleteAsync(task.Id, actor, new TaskCompletion
        {
            Outcome = InstructionRouteMap.Return,
            Variables = new Dictionary<string, object?>
            {
                ["returnComment"] = text,
                ["returnNote"] = $"\n\nReturned by {authorName}: {text}",
            },
        }, cancellationToken).ConfigureAwait(false);
        return await GetAsync(instructionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The open task of the instruction (Execute or Verify), or null when it is finished.</summary>
    public async Task<WorkTask?> CurrentTaskAsync(Guid instructionId, CancellationToken cancellationToken = default)
    {
        var instruction = await GetAsync(instructionId, cancellationToken).ConfigureAwait(false);
        return instruction.ProcessInstanceId is { } instanceId
            ? (await _tasks.GetTasksOfInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false)).LastOrDefault(t => t.IsActive)
            : null;
    }

    /// <summary>An instruction; throws <see cref="NotFoundException"/> when unknown.</summary>
    public Task<Instruction> GetAsync(Guid instructionId, CancellationToken cancellationToken = default) =>
        _commands.ReadAsync(session => GetInstructionAsync(session, instructionId, cancellationToken), cancellationToken);

    /// <summary>Instructions about a subject (a deal, claim, ...), newest first.</summary>
    public Task<IReadOnlyList<Instruction>> ListForSubjectAsync(SubjectReference subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return _commands.ReadAsync<IReadOnlyList<Instruction>>(async session =>
            [.. (await session.Instructions.ListAsync(i => i.SubjectType == subject.Type && i.SubjectId == subject.Id, cancellationToken).ConfigureAwait(false)).OrderByDescending(i => i.CreatedAt)], cancellationToken);
    }

    /// <summary>Deploys <see cref="InstructionRouteMap"/> unless a version is already published.</summary>
    public Task EnsureMapDeployedAsync(CancellationToken cancellationToken = default) => _builtInMaps.EnsureDeployedAsync(cancellationToken);

    private async Task<WorkTask> CurrentTaskAsync(Guid instructionId, string pointId, CancellationToken cancellationToken)
    {
        var instruction = await GetAsync(instructionId, cancellationToken).ConfigureAwait(false);
        var tasks = instruction.ProcessInstanceId is { } instanceId
            ? await _tasks.GetTasksOfInstanceAsync(instanceId, cancellationToken).ConfigureAwait(false)
            : [];
        return tasks.LastOrDefault(t => t.IsActive && t.PointId == pointId)
            ?? throw new ConflictException("instruction.wrong-step", pointId == InstructionRouteMap.VerifyPointId
                ? $"Instruction '{instruction.Title}' is {instruction.Status}, not waiting for verification."
                : $"Instruction '{instruction.Title}' is {instruction.Status}, not waiting for execution.");
    }

    private Task<Instruction> ChangeAsync(Guid instructionId, Action<Instruction> change, CancellationToken cancellationToken) =>
        _commands.RunAsync(async session =>
        {
            var instruction = await GetInstructionAsync(session, instructionId, cancellationToken).ConfigureAwait(false);
            change(instruction);
            return instruction;
        }, cancellationToken);

    private static async Task<Instruction> GetInstructionAsync(ICrmSession session, Guid instructionId, CancellationToken cancellationToken) =>
        await session.Instructions.FindAsync(instructionId, cancellationToken).ConfigureAwait(false)
        ?? throw new NotFoundException("instruction.not-found", $"Instruction {instructionId} does not exist.");

    /// <summary>The name a task card shows for <paramref name="userId"/>: their display name, or the id when the directory knows none.</summary>
    private async Task<string> NameOfAsync(string userId, CancellationToken cancellationToken) =>
        await _people.DisplayNameOfAsync(userId, cancellationToken).ConfigureAwait(false) is { } name && !string.IsNullOrWhiteSpace(name) ? name.Trim() : userId;
}
