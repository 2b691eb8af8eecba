namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Creates a task for the addressed performer; the token waits until the task is completed. Then it leaves as every
/// BPMN activity does: by every outgoing flow without a condition and every flow whose condition holds, each on a token
/// of its own, or else by the <see cref="DefaultFlowId">default flow</see>.
/// </summary>
public sealed record ActionPoint : Point, IHasDefaultFlow, IMultiInstanceActivity
{
    /// <inheritdoc />
    public override string KindName => "Action";

    /// <summary>Task title; <c>{variable}</c> placeholders are replaced with variable values. Empty means the point name.</summary>
    public string TitleTemplate { get; init; } = "";

    /// <summary>What the performer has to do.</summary>
    public string Description { get; init; } = "";

    /// <summary>Who gets the task: a user, a role pool, or a role pool for one addressing object.</summary>
    public Performer? Performer { get; init; }

    /// <summary>When the task is due, relative to its creation; null means no deadline.</summary>
    public Deadline? Deadline { get; init; }

    /// <summary>How long before the deadline a reminder fires; null means no reminder.</summary>
    public TimeSpan? ReminderBefore { get; init; }

    /// <summary>
    /// What happens as the deadline nears and passes, step by step (remind the holder, notify the head of their department,
    /// reassign to the head, take a default outcome); empty means nothing beyond the deadline and the reminder. Needs a deadline.
    /// </summary>
    public IReadOnlyList<EscalationStep> Escalation { get; init; } = [];

    /// <summary>The task must be accepted (taken into work) before it can be completed.</summary>
    public bool RequiresAcceptance { get; init; }

    /// <summary>Buttons the performer chooses from (e.g. Yes / No); empty means a plain Complete.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>Variable the chosen outcome is stored in. Defaults to <c>{pointId}Outcome</c>.</summary>
    public string? OutcomeVariable { get; init; }

    /// <summary>Variables the performer fills when completing the task.</summary>
    public IReadOnlyList<FormField> FormFields { get; init; } = [];

    /// <summary>The deal stage this action represents, if any.</summary>
    public string? Stage { get; init; }

    /// <summary>When set, one task is created per item of a list (multi-instance, parallel or sequential).</summary>
    public MultiInstance? MultiInstance { get; init; }

    /// <summary>
    /// The flow taken when no other outgoing flow is (all their conditions are false); optional. It has no condition of its own.
    /// </summary>
    public string? DefaultFlowId { get; init; }

    /// <summary>The variable the outcome is written to.</summary>
    public string EffectiveOutcomeVariable => string.IsNullOrWhiteSpace(OutcomeVariable) ? Id + "Outcome" : OutcomeVariable;
}
