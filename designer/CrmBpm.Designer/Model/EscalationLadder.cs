using CrmBpm.Engine.Definitions;

namespace CrmBpm.Designer.Model;

/// <summary>
/// An Action's escalation ladder as the document draws it: the boundary timers on its user task carrying <c>crm:escalation</c>,
/// in document order (the order the engine's importer reads them in), each with the step kind's BPMN name, its time from the
/// deadline (<c>timeDuration</c>) and, for the default outcome, <c>crm:outcome</c>.
/// </summary>
public static class EscalationLadder
{
    /// <summary>The step kinds as BPMN writes them in <c>crm:escalation</c> (the engine's EscalationWriter names).</summary>
    public static IReadOnlyDictionary<EscalationStepKind, string> Names { get; } = new Dictionary<EscalationStepKind, string>
    {
        [EscalationStepKind.RemindPerformer] = "remind-performer",
        [EscalationStepKind.NotifyHead] = "notify-head",
        [EscalationStepKind.ReassignToHead] = "reassign-to-head",
        [EscalationStepKind.DefaultOutcome] = "default-outcome",
    };

    /// <summary>The steps on the edge of <paramref name="action"/>, in document order.</summary>
    public static IReadOnlyList<DesignerEscalationStep> Of(DesignerElement action, DesignerDocument document) =>
        [.. document.Elements.Where(e => e.Attribute("attachedToRef") == action.Id && IsStep(e)).Select(Step)];

    /// <summary>True for a boundary event that is a step of an escalation ladder (the engine reads it so, not as a point).</summary>
    public static bool IsStep(DesignerElement element) =>
        element.Xml.Name == DesignerDocument.Bpmn + "boundaryEvent" && element.Crm("escalation") is not null;

    /// <summary>The step a boundary event is; <see cref="DesignerEscalationStep.Kind"/> null when its <c>crm:escalation</c> names none.</summary>
    public static DesignerEscalationStep Step(DesignerElement element)
    {
        var text = element.Crm("escalation")?.Trim() ?? "";
        var kind = Names.Where(n => n.Value == text).Select(n => (EscalationStepKind?)n.Key).FirstOrDefault();
        var time = element.Timer;
        return new DesignerEscalationStep(element.Id, kind, text, time.Kind == TimerDefinitionKind.Duration ? time.Value : "", element.Crm("outcome"));
    }
}

/// <summary>One step of an escalation ladder in the designer: the boundary event's id, what it does, and when.</summary>
/// <param name="Id">The boundary event's id.</param>
/// <param name="Kind">What the step does; null when <paramref name="KindText"/> is not a kind the engine knows.</param>
/// <param name="KindText">The <c>crm:escalation</c> text as written.</param>
/// <param name="Duration">ISO 8601 time from the deadline (before it for a reminder, after it otherwise); empty when missing.</param>
/// <param name="Outcome">For the default outcome: the outcome the task is completed with.</param>
public sealed record DesignerEscalationStep(string Id, EscalationStepKind? Kind, string KindText, string Duration, string? Outcome)
{
    /// <summary>Whether the time counts back from the deadline (a reminder) rather than on from it.</summary>
    public bool BeforeDeadline => Kind == EscalationStepKind.RemindPerformer;
}
