using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
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
    public static RouteMapValidation Default(IEnumerable<string> publishedMapKeys)
    {
        var keys = publishedMapKeys.ToHashSet(StringComparer.Ordinal);
        var context = new ValidationContext(
            new JintExpressionEvaluator(new ExpressionLimits()),
            key => keys.Contains(key) ? new RouteMap { Key = key, Status = RouteMapStatus.Published } : null);
        var validator = new RouteMapValidator();
        return (map, _) => Task.FromResult(validator.Validate(map, context));
    }

    /// <summary>
    /// Imports <paramref name="xml"/> with the engine's <see cref="BpmnImporter"/> and validates its map. Import problems
    /// (elements a route map cannot hold) are returned as they are, since validation needs a map.
    /// </summary>
    public static async Task<(RouteMap? Map, IReadOnlyList<DesignerProblem> Problems)> RunAsync(
        string xml, RouteMapValidation validate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(validate);
        RouteMap map;
        try
        {
            var maps = new BpmnImporter().ImportXml(xml);
            if (maps.Count != 1)
            {
                return (null, [new DesignerProblem("bpmn.import", null, $"A route map is one BPMN process; this document has {maps.Count}.")]);
            }

            map = maps[0];
        }
        catch (BpmnImportException e)
        {
            return (null, [.. e.Problems.Select(p => new DesignerProblem("bpmn.import", p.ElementId, p.Message))]);
        }

        var problems = await validate(map, cancellationToken).ConfigureAwait(false);
        return (map, [.. problems.Select(p => new DesignerProblem(p.Code, p.PointId ?? p.FlowId, p.Message))]);
    }
}
