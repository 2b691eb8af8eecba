using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Writes escalation events back: the <c>escalationEventDefinition</c> of an escalation throw, end, boundary or start, and the
/// file's <c>&lt;escalation&gt;</c> elements they name. As for errors (<see cref="ErrorEventWriter"/>), the points are the truth: a
/// kept <c>&lt;escalation&gt;</c> that still says the same is written as it was; one changed on the point is replaced by the point's.
/// </summary>
internal static class EscalationEventWriter
{
    /// <summary>The escalations the maps' points name, by id, once each.</summary>
    public static Dictionary<string, EscalationDefinition> EscalationsOf(IReadOnlyList<RouteMap> maps)
    {
        var escalations = new Dictionary<string, EscalationDefinition>(StringComparer.Ordinal);
        foreach (var point in maps.SelectMany(m => m.Points))
        {
            if (EscalationOf(point) is { Id.Length: > 0 } escalation)
            {
                escalations.TryAdd(escalation.Id, escalation);
            }
        }

        return escalations;
    }

    /// <summary>
    /// True when a kept root element is written: anything but an <c>&lt;escalation&gt;</c> a point names, or one that still says
    /// what the point says (then it is written as it was and taken out of <paramref name="escalations"/>, the ones still to write).
    /// </summary>
    public static bool KeepsKept(XElement element, Dictionary<string, EscalationDefinition> escalations)
    {
        if (element.Name.LocalName != "escalation" || (element.Name.Namespace != BpmnNs && element.Name.Namespace != XNamespace.None)
            || (string?)element.Attribute("id") is not { } id || !escalations.TryGetValue(id, out var escalation))
        {
            return true;
        }

        var same = EscalationEventReader.FindEscalationIn(element) == escalation;
        if (same)
        {
            escalations.Remove(id);
        }

        return same;
    }

    public static XElement WriteEscalation(EscalationDefinition escalation) =>
        new(BpmnNs + "escalation",
            new XAttribute("id", escalation.Id),
            escalation.Name is null ? null : new XAttribute("name", escalation.Name),
            escalation.Code is null ? null : new XAttribute("escalationCode", escalation.Code));

    public static XElement WriteDefinition(Point point) =>
        new(BpmnNs + "escalationEventDefinition",
            EscalationOf(point) is { Id.Length: > 0 } escalation ? new XAttribute("escalationRef", escalation.Id) : null,
            point is BoundaryEscalationPoint { CodeVariable: { } variable }
                ? new object[] { new XAttribute(CrmNs + "escalationCodeVariable", variable), new XAttribute(CamundaNs + "escalationCodeVariable", variable) }
                : null);

    /// <summary>Whether the point throws or catches an escalation (and so is written with an escalation definition).</summary>
    public static bool HasEscalation(Point point) => point is EscalationThrowPoint or BoundaryEscalationPoint or EndPoint { Escalation: not null } or StartPoint { Escalation: not null };

    private static EscalationDefinition? EscalationOf(Point point) => point switch
    {
        EscalationThrowPoint escalationThrow => escalationThrow.Escalation,
        BoundaryEscalationPoint boundary => boundary.Escalation,
        EndPoint end => end.Escalation,
        StartPoint start => start.Escalation,
        _ => null,
    };
}
