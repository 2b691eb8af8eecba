using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>Point and flow ids are unique and not empty (they are how everything refers to them).</summary>
public sealed class UniqueIdsRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var ids = map.Points.Select(p => p.Id).Concat(map.Flows.Select(f => f.Id));
        foreach (var group in ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new("id.duplicate", group.Key, $"The id '{group.Key}' is used {group.Count()} times; every point and flow needs its own id.");
        }

        foreach (var point in map.Points.Where(p => string.IsNullOrWhiteSpace(p.Id)))
        {
            yield return new("id.empty", null, $"A {point.KindName} point named '{point.Name}' has no id.");
        }

        foreach (var flow in map.Flows.Where(f => string.IsNullOrWhiteSpace(f.Id)))
        {
            yield return new("id.empty", null, $"A flow from '{flow.SourceId}' to '{flow.TargetId}' has no id (only blanks); BPMN files cannot refer to it.");
        }

        foreach (var id in ids.Where(id => !string.IsNullOrWhiteSpace(id) && id.Trim() != id).Distinct(StringComparer.Ordinal))
        {
            yield return new("id.blanks", id, $"The id '{id}' starts or ends with blanks; BPMN files trim them, so it would not be found again.");
        }
    }
}
