using System.Xml;
using System.Xml.Linq;
using CrmBpm.Designer.Model;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Validation;

namespace CrmBpm.Designer.Validation;

/// <summary>
/// Validates a route map the designer drew. Hosts pass one to <see cref="RouteMapDesigner.Validate"/> when they know the
/// published maps (the server passes <c>IRouteMapService.ValidateAsync</c>).
/// </summary>
public delegate Task<IReadOnlyList<ValidationProblem>> RouteMapValidation(RouteMap map, CancellationToken cancellationToken);

/// <summary>The designer's live check: the engine's BPMN import, then its validation rules.</summary>
public static class RouteMapCheck
{
    /// <summary>
    /// The engine's validator with the given published maps known to the Nested-process rules (as maps without points:
    /// the designer knows keys, not contents, so recursion through them is checked by the host's validation).
    /// </summary>
    /// <param name="publishedMapKeys">The maps a Nested process may run.</param>
    /// <param name="handlerNames">
    /// The handlers automatic steps may call; null when the host did not say (then an unknown handler is not a problem here).
    /// </param>
    /// <param name="handlers">What the handlers read and set, so that a condition after an automatic step knows its outputs.</param>
    public static RouteMapValidation Default(IEnumerable<string> publishedMapKeys, IEnumerable<string>? handlerNames = null, IReadOnlyList<RegisteredHandler>? handlers = null)
    {
        var keys = publishedMapKeys.ToHashSet(StringComparer.Ordinal);
        var context = new ValidationContext(
            new ExpressionEvaluator(new ExpressionLimits()),
            key => keys.Contains(key) ? new RouteMap { Key = key, Status = RouteMapStatus.Published } : null)
        {
            RegisteredHandlers = handlerNames?.ToHashSet(StringComparer.Ordinal),
            HandlerDescriptions = handlers is null or { Count: 0 } ? null : handlers.ToDictionary(h => h.Name, h => h.Description, StringComparer.Ordinal),
        };
        var validator = new RouteMapValidator();
        return (map, _) => Task.FromResult(validator.Validate(map, context));
    }

    /// <summary>
    /// Imports <paramref name="xml"/> with the engine's <see cref="BpmnImporter"/> and validates its map.
    /// A freshly drawn Condition has no expression yet, which the importer refuses; so that one missing expression
    /// does not hide every other problem, the map is then validated as if each such Condition said <c>true</c>,
    /// and the importer's problems are listed with the validator's. The returned map is null whenever the XML
    /// itself does not import.
    /// </summary>
    public static async Task<(RouteMap? Map, IReadOnlyList<DesignerProblem> Problems)> RunAsync(
        string xml, RouteMapValidation validate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validate);
        var (map, importProblems) = Import(xml);
        if (map is not null)
        {
            return (map, await ValidateAsync(map, validate, cancellationToken).ConfigureAwait(false));
        }

        var lenient = WithPlaceholderExpressions(xml);
        var (lenientMap, _) = lenient is null ? (null, importProblems) : Import(lenient);
        if (lenientMap is null)
        {
            return (null, importProblems);
        }

        var validation = await ValidateAsync(lenientMap, validate, cancellationToken).ConfigureAwait(false);
        return (null, [.. importProblems, .. validation]);
    }

    private static async Task<IReadOnlyList<DesignerProblem>> ValidateAsync(RouteMap map, RouteMapValidation validate, CancellationToken cancellationToken)
    {
        var problems = await validate(map, cancellationToken).ConfigureAwait(false);
        return [.. problems.Select(p => new DesignerProblem(p.Code, p.PointId ?? p.FlowId, p.Message, !p.IsError))];
    }

    internal static (RouteMap? Map, IReadOnlyList<DesignerProblem> Problems) Import(string xml)
    {
        try
        {
            var maps = new BpmnImporter().ImportXml(xml);
            return maps.Count == 1
                ? (maps[0], [])
                : (null, [new DesignerProblem("bpmn.import", null, $"A route map is one BPMN process; this document has {maps.Count}.")]);
        }
        catch (BpmnImportException e)
        {
            return (null, [.. e.Problems.Select(p => new DesignerProblem("bpmn.import", p.ElementId, p.Message))]);
        }
    }

    internal static string? WithPlaceholderExpressions(string xml)
    {
        try
        {
            var document = XDocument.Parse(xml);
            var conditions = document.Descendants(DesignerDocument.Bpmn + "exclusiveGateway")
                .Where(g => (string?)g.Attribute(DesignerDocument.Crm + "kind") == "condition" && g.Attribute(DesignerDocument.Crm + "expression") is null)
                .ToList();
            if (conditions.Count == 0)
            {
                return null;
            }

            conditions.ForEach(g => g.SetAttributeValue(DesignerDocument.Crm + "expression", "true"));
            return document.ToString(SaveOptions.DisableFormatting);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
