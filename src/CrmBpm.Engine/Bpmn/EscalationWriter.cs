using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Writes an Action's escalation ladder as boundary timers on its user task, so a modeler draws it: each step a
/// non-interrupting <c>boundaryEvent</c> (the default outcome interrupting: it ends the task) with <c>crm:escalation</c> naming the
/// step and the offset from the deadline as its <c>timeDuration</c>. Another engine would count that duration from the task's
/// start; CrmBpm counts it from the deadline (see the engine README, "Escalation ladder").
/// </summary>
internal static class EscalationWriter
{
    internal static readonly XName Kind = CrmNs + "escalation";
    internal static readonly XName Outcome = CrmNs + "outcome";

    /// <summary>The step kinds as BPMN writes them.</summary>
    internal static readonly IReadOnlyDictionary<EscalationStepKind, string> Names = new Dictionary<EscalationStepKind, string>
    {
        [EscalationStepKind.RemindPerformer] = "remind-performer",
        [EscalationStepKind.NotifyHead] = "notify-head",
        [EscalationStepKind.ReassignToHead] = "reassign-to-head",
        [EscalationStepKind.DefaultOutcome] = "default-outcome",
    };

    public static IEnumerable<XElement> Write(ActionPoint action) =>
        action.Escalation.Select(step => new XElement(BpmnNs + "boundaryEvent",
            new XAttribute("id", step.Id),
            string.IsNullOrEmpty(step.Name) ? null : new XAttribute("name", step.Name),
            new XAttribute("cancelActivity", step.Kind == EscalationStepKind.DefaultOutcome ? "true" : "false"),
            new XAttribute("attachedToRef", action.Id),
            new XAttribute(Kind, Names[step.Kind]),
            step.Outcome is null ? null : new XAttribute(Outcome, step.Outcome),
            new XElement(BpmnNs + "timerEventDefinition",
                new XElement(BpmnNs + "timeDuration", new XAttribute(XsiNs + "type", "bpmn:tFormalExpression"), step.Duration))));

    /// <summary>Shapes for steps the drawing lacks: 36×36 circles along the task's bottom edge, as bpmn-js attaches them.</summary>
    public static IEnumerable<DiagramShape> MissingShapes(RouteMap map, MapDiagram diagram)
    {
        var shaped = diagram.Shapes.Select(s => s.ElementId).ToHashSet(StringComparer.Ordinal);
        foreach (var action in map.Points.OfType<ActionPoint>().Where(a => a.Escalation.Count > 0))
        {
            if (diagram.FindShape(action.Id) is not { } task)
            {
                continue;
            }

            for (var i = 0; i < action.Escalation.Count; i++)
            {
                if (!shaped.Contains(action.Escalation[i].Id))
                {
                    var b = task.Bounds;
                    yield return new DiagramShape
                    {
                        ElementId = action.Escalation[i].Id,
                        Bounds = new DiagramBounds(b.X + 4 + (i * 24 % Math.Max(24, b.Width - 36)), b.Y + b.Height - 18, 36, 36),
                    };
                }
            }
        }
    }
}
