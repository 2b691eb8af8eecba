using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Jobs;

namespace CrmBpm.Engine.Validation;

/// <summary>
/// The variables a map's points can set — declared start variables, Action form fields and outcomes, handler outputs,
/// script results, nested-process output mappings, multi-instance items, counters and result collections, error
/// variables, the initiator — and whether something else may set any variable at all (a message or signal payload, an
/// automatic step whose handler declares no outputs, an element CrmBpm keeps without running).
/// </summary>
public sealed class MapVariables
{
    /// <summary>The counters a multi-instance's completion condition sees beside its run's variables.</summary>
    private static readonly string[] MultiInstanceCounters =
        ["nrOfInstances", "nrOfCompletedInstances", "nrOfActiveInstances", "numberOfInstances", "numberOfCompletedInstances", "numberOfActiveInstances"];

    private readonly Dictionary<string, KnownVariable> _byName;

    private MapVariables(List<KnownVariable> variables, IReadOnlyList<string> openEnded)
    {
        Variables = [.. variables.DistinctBy(v => v.Name, StringComparer.Ordinal)];
        _byName = Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        OpenEnded = openEnded;
    }

    /// <summary>Every variable known to be set, once each (the first point that sets it names it), start variables first.</summary>
    public IReadOnlyList<KnownVariable> Variables { get; }

    /// <summary>The points that may set variables nobody can list (message and signal waits, automatic steps without declared outputs…).</summary>
    public IReadOnlyList<string> OpenEnded { get; }

    /// <summary>True when some point may set any variable, so a name not in <see cref="Variables"/> may still be set.</summary>
    public bool MaySetAnything => OpenEnded.Count > 0;

    /// <summary>The known variable named <paramref name="name"/>, or null.</summary>
    public KnownVariable? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>
    /// The variables of <paramref name="map"/> (all scopes: sub-processes share the instance's variables).
    /// <paramref name="handlers"/> are the registered handlers' descriptions; without them every automatic step is open-ended.
    /// </summary>
    public static MapVariables Of(RouteMap map, IReadOnlyDictionary<string, HandlerDescription>? handlers = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var variables = new List<KnownVariable>();
        var openEnded = new List<string>();
        variables.AddRange(map.StartVariables.Where(v => !string.IsNullOrWhiteSpace(v.Name)).Select(v => new KnownVariable(v.Name, v.Type, v.DisplayLabel, "start")));
        foreach (var point in map.Points)
        {
            var by = point.DisplayName;
            switch (point)
            {
                case StartPoint start:
                    if (start.InitiatorVariable is { } initiator)
                    {
                        variables.Add(new(initiator, FormFieldType.Text, initiator, by));
                    }

                    if (start.MessageName is not null || start.SignalName is not null)
                    {
                        openEnded.Add(point.Id);
                    }

                    break;
                case ActionPoint action:
                    variables.AddRange(action.FormFields.Where(f => !f.ReadOnly).Select(f =>
                        new KnownVariable(f.Name, f.Type, string.IsNullOrWhiteSpace(f.Label) ? f.Name : f.Label, by) { Options = f.Options }));
                    if (action.Outcomes.Count > 0)
                    {
                        variables.Add(new(action.EffectiveOutcomeVariable, FormFieldType.Choice, $"{by}: outcome", by) { Options = action.Outcomes });
                    }

                    break;
                case ScriptPoint { ResultVariable: { } result }:
                    variables.Add(new(result, null, result, by));
                    break;
                case NestedProcessPoint nested:
                    variables.AddRange(nested.Outputs.Select(o => new KnownVariable(o.Target, null, o.Target, by)));
                    break;
                case ServicePoint service:
                    if (!service.External && handlers?.GetValueOrDefault(service.Handler) is { Outputs.Count: > 0 } description)
                    {
                        variables.AddRange(description.Outputs.Select(o => new KnownVariable(o.Name, TypeOf(o.Type), o.Name, by)));
                    }
                    else
                    {
                        openEnded.Add(point.Id);
                    }

                    break;
                case BoundaryErrorPoint error:
                    if (error.CodeVariable is { } code)
                    {
                        variables.Add(new(code, FormFieldType.Text, code, by));
                    }

                    if (error.MessageVariable is { } message)
                    {
                        variables.Add(new(message, FormFieldType.Text, message, by));
                    }

                    break;
                case BoundaryEscalationPoint { CodeVariable: { } escalationCode }:
                    variables.Add(new(escalationCode, FormFieldType.Text, escalationCode, by));
                    break;
                case MessageWaitPoint or BoundaryMessagePoint or SignalWaitPoint or BoundarySignalPoint or KeptPoint:
                    openEnded.Add(point.Id);
                    break;
            }

            if (point is IMultiInstanceActivity { MultiInstance: { } multi })
            {
                if (multi.HasCollection)
                {
                    variables.Add(new(multi.ElementVariable, null, multi.ElementVariable, by));
                }

                variables.Add(new("loopCounter", FormFieldType.Number, "loopCounter", by));
                variables.AddRange(MultiInstanceCounters.Select(c => new KnownVariable(c, FormFieldType.Number, c, by)));
                if (multi.ResultCollection is { } results)
                {
                    variables.Add(new(results, null, results, by));
                }
            }
        }

        return new(variables, openEnded);
    }

    /// <summary>A handler's declared type (free text such as <c>number</c>, <c>boolean</c>, <c>string</c>) as a value kind; null when unknown.</summary>
    private static FormFieldType? TypeOf(string type) => type.Trim().ToLowerInvariant() switch
    {
        "number" or "int" or "integer" or "long" or "decimal" or "double" => FormFieldType.Number,
        "boolean" or "bool" => FormFieldType.Boolean,
        "string" or "text" => FormFieldType.Text,
        "date" or "datetime" => FormFieldType.Date,
        _ => null,
    };
}
