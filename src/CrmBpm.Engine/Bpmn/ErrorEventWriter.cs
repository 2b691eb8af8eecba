using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Writes error events back: the <c>errorEventDefinition</c> of an error boundary or error end, and the file's
/// <c>&lt;error&gt;</c> elements they name. The points are the truth: a kept <c>&lt;error&gt;</c> that still says the same is
/// written as it was; one whose code or name was changed on the point is replaced by the point's.
/// </summary>
internal static class ErrorEventWriter
{
    /// <summary>The errors the maps' points name, by id, once each (an error end without an error names none).</summary>
    public static Dictionary<string, ErrorDefinition> ErrorsOf(IReadOnlyList<RouteMap> maps)
    {
        var errors = new Dictionary<string, ErrorDefinition>(StringComparer.Ordinal);
        foreach (var point in maps.SelectMany(m => m.Points))
        {
            if (ErrorOf(point) is { Id.Length: > 0 } error)
            {
                errors.TryAdd(error.Id, error);
            }
        }

        return errors;
    }

    /// <summary>
    /// True when a kept root element is written: anything but an <c>&lt;error&gt;</c> a point names, or one that still says
    /// what the point says (then it is written as it was and taken out of <paramref name="errors"/>, the ones still to write).
    /// </summary>
    public static bool KeepsKept(XElement element, Dictionary<string, ErrorDefinition> errors)
    {
        if (element.Name.LocalName != "error" || (element.Name.Namespace != BpmnNs && element.Name.Namespace != XNamespace.None) || (string?)element.Attribute("id") is not { } id || !errors.TryGetValue(id, out var error))
        {
            return true;
        }

        var same = ErrorEventReader.FindErrorIn(element) == error;
        if (same)
        {
            errors.Remove(id);
        }

        return same;
    }

    public static XElement WriteError(ErrorDefinition error) =>
        new(BpmnNs + "error",
            new XAttribute("id", error.Id),
            error.Name is null ? null : new XAttribute("name", error.Name),
            error.Code is null ? null : new XAttribute("errorCode", error.Code));

    public static XElement WriteDefinition(Point point)
    {
        var definition = new XElement(BpmnNs + "errorEventDefinition");
        if (ErrorOf(point) is { Id.Length: > 0 } error)
        {
            definition.Add(new XAttribute("errorRef", error.Id));
        }

        if (point is BoundaryErrorPoint boundary)
        {
            Variable(definition, "errorCodeVariable", boundary.CodeVariable);
            Variable(definition, "errorMessageVariable", boundary.MessageVariable);
        }

        return definition;
    }

    private static void Variable(XElement definition, string name, string? variable)
    {
        if (variable is not null)
        {
            definition.Add(new XAttribute(CrmNs + name, variable), new XAttribute(CamundaNs + name, variable));
        }
    }

    private static ErrorDefinition? ErrorOf(Point point) => point switch
    {
        BoundaryErrorPoint boundary => boundary.Error,
        EndPoint end => end.Error,
        StartPoint start => start.Error,
        _ => null,
    };
}
