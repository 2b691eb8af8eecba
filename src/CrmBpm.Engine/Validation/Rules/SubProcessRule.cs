using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// What holds the scopes together (each scope's own Start, Ends and paths are checked by the other rules, scope by scope):
/// every point and flow stands in a sub-process that exists, a flow joins two points of its own scope, a sub-process starts
/// at one plain start, an event sub-process at one start with a trigger and has no flow in or out, and a signal or error
/// start stands only in an event sub-process.
/// </summary>
public sealed class SubProcessRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var subProcesses = map.Points.OfType<SubProcessPoint>().GroupBy(s => s.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var scopeOf = map.Points.GroupBy(p => p.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().ScopeId, StringComparer.Ordinal);
        foreach (var point in map.Points.Where(p => p.ScopeId is not null && !subProcesses.ContainsKey(p.ScopeId)))
        {
            yield return new("point.scope-unknown", point.Id, $"{point.KindName} '{point.DisplayName}' stands in '{point.ScopeId}', which is not a sub-process of the map.");
        }

        foreach (var flow in map.Flows)
        {
            if ((scopeOf.TryGetValue(flow.SourceId, out var source) && source != flow.ScopeId) || (scopeOf.TryGetValue(flow.TargetId, out var target) && target != flow.ScopeId))
            {
                yield return new("flow.crosses-scope", flow.SourceId,
                    $"Flow '{(flow.Name.Length > 0 ? flow.Name : flow.Id)}' from '{flow.SourceId}' to '{flow.TargetId}' crosses the border of a sub-process; a flow joins two points of one scope (leave a sub-process by its end, enter it by its start).",
                    flow.Id);
            }
        }

        foreach (var subProcess in subProcesses.Values)
        {
            if (subProcess.Id.Contains(RouteMap.ScopeSeparator, StringComparison.Ordinal))
            {
                yield return new("subprocess.id", subProcess.Id, $"The id of {subProcess.KindName.ToLowerInvariant()} '{subProcess.DisplayName}' contains '{RouteMap.ScopeSeparator}', which joins a map's key to its sub-processes' ids; choose another id.");
            }

            if (subProcess.ScopeId is { } outer && subProcesses.GetValueOrDefault(outer) is { } around && Encloses(subProcesses, subProcess.Id, around.Id))
            {
                yield return new("subprocess.inside-itself", subProcess.Id, $"{subProcess.KindName} '{subProcess.DisplayName}' stands inside itself.");
                continue;
            }

            var starts = map.Points.OfType<StartPoint>().Where(s => s.ScopeId == subProcess.Id).ToList();
            if (subProcess.TriggeredByEvent)
            {
                // A trigger the engine does not run (escalation, compensation, conditional) is refused as not run yet instead.
                if (starts.Count == 1 && !starts[0].HasTrigger && starts[0].Foreign?.ElementLocalNames().Any(n => n.EndsWith("EventDefinition", StringComparison.Ordinal)) != true)
                {
                    yield return new("eventsubprocess.start-trigger", starts[0].Id,
                        $"The start of event sub-process '{subProcess.DisplayName}' has no trigger; give it a timer, a message, a signal or an error, which starts the event sub-process while its scope runs.");
                }

                if (starts is [{ Timer: { IsExpression: false } timer } timed] && timer.FirstDue(DateTimeOffset.UnixEpoch, out var timerError) is null)
                {
                    yield return new("eventsubprocess.timer", timed.Id, $"The timer of the start of event sub-process '{subProcess.DisplayName}' cannot be read: {timerError}");
                }

                if (map.Flows.Any(f => f.SourceId == subProcess.Id || f.TargetId == subProcess.Id))
                {
                    yield return new("eventsubprocess.flows", subProcess.Id,
                        $"Event sub-process '{subProcess.DisplayName}' has a flow in or out; its start event's trigger starts it, and it ends with its scope's other work, so no flow may touch it.");
                }
            }
            else
            {
                foreach (var start in starts.Where(s => s.HasTrigger))
                {
                    yield return new("subprocess.start-trigger", start.Id,
                        $"Start '{start.DisplayName}' of sub-process '{subProcess.DisplayName}' has a trigger; a sub-process starts when a token reaches it, at one plain start.");
                }
            }
        }

        foreach (var start in map.Points.OfType<StartPoint>().Where(s => (s.Error is not null || s.Escalation is not null) && !(s.ScopeId is { } scope && subProcesses.GetValueOrDefault(scope) is { TriggeredByEvent: true })))
        {
            yield return new("start.trigger-not-here", start.Id,
                $"Start '{start.DisplayName}' starts on an {(start.Error is not null ? "error" : "escalation")}; such a start runs only in an event sub-process.");
        }
    }

    /// <summary>Whether <paramref name="inner"/> encloses <paramref name="scope"/> (a sub-process standing in itself, directly or further down).</summary>
    private static bool Encloses(Dictionary<string, SubProcessPoint> subProcesses, string inner, string scope)
    {
        for (var (current, steps) = (scope, 0); steps <= subProcesses.Count; steps++)
        {
            if (current == inner)
            {
                return true;
            }

            if (subProcesses.GetValueOrDefault(current)?.ScopeId is not { } outer)
            {
                return false;
            }

            current = outer;
        }

        return true;
    }
}
