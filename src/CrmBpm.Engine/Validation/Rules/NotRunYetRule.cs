using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// What another modeler's file holds and the engine cannot run yet is kept (the file opens, is drawn and exported back),
/// but refuses publishing with an error naming it: a kept element (service task, sub-process, boundary event…), a
/// start or end event with a message, timer, error… definition, and a condition on a flow that leaves neither an
/// exclusive gateway nor a task (a start event's, a parallel gateway's). None of them may ever let a token pass silently.
/// </summary>
public sealed class NotRunYetRule : IValidationRule
{
    /// <summary>The issue that will make them run.</summary>
    public const string NextIssue = "issue 'Automatic steps, waiting for time and messages, sub-processes'";

    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var points = new Dictionary<string, Point>(StringComparer.Ordinal);
        foreach (var point in map.Points)
        {
            points.TryAdd(point.Id, point);
            var what = point switch
            {
                KeptPoint kept => Describe(kept),
                StartPoint or EndPoint => DescribeEvent(point),
                _ => null,
            };
            if (point is KeptPoint keptTask && NamesNoHandler(keptTask))
            {
                yield return new("point.not-run-yet", point.Id,
                    $"{what} '{point.DisplayName}' names no handler to call: give it crm:handler (or Camunda's delegate expression, class or external topic, or Zeebe's task type) with the name of a registered handler, so it runs as an automatic step.");
            }
            else if (point is KeptPoint { Element: "scriptTask" } script)
            {
                yield return new("point.not-run-yet", point.Id,
                    $"{what} '{point.DisplayName}' is not a JavaScript script written in the file (its scriptFormat is '{ScriptFormatOf(script)}', or it loops, or its script is an external resource): only inline JavaScript runs, in the same sandbox as conditions. Rewrite it in JavaScript, or replace it with an automatic step.");
            }
            else if (point is KeptPoint { Element: "eventBasedGateway" } gateway && Instantiates(gateway))
            {
                yield return new("point.not-run-yet", point.Id,
                    $"Event-based gateway '{point.DisplayName}' starts instances (instantiate=\"true\") on whichever of its events comes first; that does not run, since a route map starts at one Start. Give each message a map of its own with a message start, or begin with a Start followed by an event-based gateway that does not instantiate.");
            }
            else if (point is KeptPoint { Element: "receiveTask" } receive && Instantiates(receive))
            {
                yield return new("point.not-run-yet", point.Id,
                    $"Receive task '{point.DisplayName}' starts instances (instantiate=\"true\"), but a flow leads into it, it loops or it holds an event definition; only a receive task that begins the process, with nothing leading into it, starts the map on its message. Remove what leads into it, or set instantiate to false so that it waits for its message.");
            }
            else if (point is StartPoint && IsTimerWithoutTime(point))
            {
                // Not a kind the engine cannot run: a schedule the consultant has not given a time yet.
                yield return new("point.not-run-yet", point.Id,
                    $"Start '{point.DisplayName}' starts on a schedule, but its timer has no time yet: give it a duration (P1D), a date (2026-12-24T09:00:00Z), a cycle (R/P1D) or a cron expression (0 9 * * MON-FRI).");
            }
            else if (what is not null)
            {
                yield return new("point.not-run-yet", point.Id,
                    $"{what} '{point.DisplayName}' does not run yet ({NextIssue}): it is kept and written back, but the map cannot be published until it is replaced.");
            }
        }

        foreach (var flow in map.Flows.Where(f => f.Condition is not null))
        {
            if (points.GetValueOrDefault(flow.SourceId) is { } source and not (ConditionPoint or ChoicePoint or KeptPoint) && !ActivityFlowsRule.LeavesLikeAnActivity(source))
            {
                yield return new("flow.condition-not-run-yet", source.Id,
                    $"Flow '{(string.IsNullOrEmpty(flow.Name) ? flow.Id : flow.Name)}' leaves {source.KindName} '{source.DisplayName}' with a condition; a condition on a flow that leaves neither an exclusive gateway nor a task does not run yet ({NextIssue}): put an exclusive gateway (Choice) after '{source.DisplayName}'.",
                    flow.Id);
            }
        }
    }

    /// <summary>Whether the kept element says it starts instances (BPMN's <c>instantiate="true"</c>).</summary>
    private static bool Instantiates(KeptPoint kept) =>
        kept.Foreign?.Attributes.Any(a => a.Namespace.Length == 0 && a.LocalName == "instantiate" && a.Value.Trim() == "true") == true;

    /// <summary>A start whose one event definition is a timer definition naming no time (timeDuration, timeDate, timeCycle).</summary>
    private static bool IsTimerWithoutTime(Point start) =>
        start.Foreign?.Elements.Where(e => IsEventDefinition(e)).ToList() is [var timer]
        && timer.Contains("timerEventDefinition", StringComparison.Ordinal)
        && !new[] { "timeDuration", "timeDate", "timeCycle" }.Any(t => timer.Contains(t, StringComparison.Ordinal));

    private static bool IsEventDefinition(string element) =>
        new ForeignBpmn { Elements = [element] }.ElementLocalNames()[0] is var name && (name.EndsWith("EventDefinition", StringComparison.Ordinal) || name == "eventDefinitionRef");

    private static string ScriptFormatOf(KeptPoint script) =>
        script.Foreign?.Attributes.FirstOrDefault(a => a.LocalName == "scriptFormat" && a.Namespace.Length == 0)?.Value ?? "none";

    /// <summary>A service, send or business-rule task without a loop is kept only because it names no handler.</summary>
    private static bool NamesNoHandler(KeptPoint kept) =>
        ServicePoint.Elements.ContainsKey(kept.Element)
        && kept.Foreign?.ElementLocalNames().Any(n => n is "standardLoopCharacteristics" or "multiInstanceLoopCharacteristics") != true;

    private static string Describe(KeptPoint kept)
    {
        var loop = kept.Foreign?.ElementLocalNames().FirstOrDefault(n => n is "standardLoopCharacteristics" or "multiInstanceLoopCharacteristics");
        var kind = KeptPoint.Kinds.GetValueOrDefault(kept.Element, kept.Element);
        return loop is not null && kept.Element is "task" or "manualTask" or "userTask" or "callActivity" or "subProcess"
            ? $"{Capital(Article(kind))} {kind} that loops ({loop})"
            : $"{Capital(Article(kind))} {kind} ({kept.Element})";
    }

    /// <summary>"A message start event (messageEventDefinition)" for a start or end with a definition other than terminate.</summary>
    private static string? DescribeEvent(Point point)
    {
        var names = point.Foreign?.ElementLocalNames() ?? [];
        var definitions = names.Where(n => n.EndsWith("EventDefinition", StringComparison.Ordinal) || n == "eventDefinitionRef").ToList();
        var other = definitions.FirstOrDefault(n => n != "terminateEventDefinition");
        if (other is null)
        {
            return null;
        }

        var trigger = other == "eventDefinitionRef" ? "referenced" : other.Replace("EventDefinition", "", StringComparison.Ordinal);
        var kind = $"{trigger} {(point is StartPoint ? "start" : "end")} event";
        return definitions.Count > 1 ? $"{Capital(Article(kind))} {kind} with {definitions.Count} definitions ({string.Join(", ", definitions)})" : $"{Capital(Article(kind))} {kind} ({other})";
    }

    private static string Article(string noun) => "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
