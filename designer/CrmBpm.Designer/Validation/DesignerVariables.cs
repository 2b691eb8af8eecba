using CrmBpm.Engine.Jobs;
using CrmBpm.Engine.Validation;

namespace CrmBpm.Designer.Validation;

/// <summary>The variables the drawn map's points set (the engine's <see cref="MapVariables"/>), for the condition builder.</summary>
public static class DesignerVariables
{
    /// <summary>
    /// The known variables of <paramref name="xml"/>, with the outputs <paramref name="handlers"/> declare; read as the live
    /// check reads it (a Condition without an expression yet does not hide the rest); null when the XML does not import.
    /// </summary>
    public static MapVariables? Of(string xml, IReadOnlyList<RegisteredHandler> handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        var (map, _) = RouteMapCheck.Import(xml);
        if (map is null && RouteMapCheck.WithPlaceholderExpressions(xml) is { } lenient)
        {
            (map, _) = RouteMapCheck.Import(lenient);
        }

        return map is null ? null : MapVariables.Of(map, handlers.Count == 0 ? null : handlers.ToDictionary(h => h.Name, h => h.Description, StringComparer.Ordinal));
    }
}
