using CrmBpm.Engine.Definitions;

namespace CrmBpm.Testing;

/// <summary>Builds route maps in code for tests: add points, then connect them.</summary>
public sealed class MapBuilder(string key, string name = "")
{
    private readonly List<Point> _points = [];
    private readonly List<Flow> _flows = [];
    private readonly List<StartVariable> _startVariables = [];
    private readonly HashSet<string> _flowIds = new(StringComparer.Ordinal);
    private string? _scope;

    /// <summary>Points and flows added from now on stand in the sub-process <paramref name="subProcessId"/> (null: the process level).</summary>
    public MapBuilder Inside(string? subProcessId)
    {
        _scope = subProcessId;
        return this;
    }

    /// <summary>A sub-process (or, <paramref name="triggeredByEvent"/>, an event sub-process); add its inside after <see cref="Inside"/>.</summary>
    public MapBuilder SubProcess(string id, bool triggeredByEvent = false) => Add(new SubProcessPoint { Id = id, Name = id, TriggeredByEvent = triggeredByEvent });

    public MapBuilder Start(string id = "start") => Add(new StartPoint { Id = id, Name = "Start" });

    public MapBuilder End(string id = "end", string? result = null) => Add(new EndPoint { Id = id, Name = id, Result = result });

    /// <summary>An action for a user (default <c>alice</c>); <paramref name="configure"/> sets anything else.</summary>
    public MapBuilder Action(string id, string user = "alice", Func<ActionPoint, ActionPoint>? configure = null)
    {
        var action = new ActionPoint { Id = id, Name = id, Performer = Performer.User(user) };
        return Add(configure is null ? action : configure(action));
    }

    public MapBuilder RoleAction(string id, string role, string? addressingObject = null, Func<ActionPoint, ActionPoint>? configure = null)
    {
        var action = new ActionPoint { Id = id, Name = id, Performer = Performer.ForRole(role, addressingObject) };
        return Add(configure is null ? action : configure(action));
    }

    public MapBuilder Condition(string id, string expression) => Add(new ConditionPoint { Id = id, Name = id, Expression = expression });

    public MapBuilder Choice(string id, string? defaultFlowId = null) => Add(new ChoicePoint { Id = id, Name = id, DefaultFlowId = defaultFlowId });

    public MapBuilder Split(string id) => Add(new SplitPoint { Id = id, Name = id });

    public MapBuilder Merge(string id) => Add(new MergePoint { Id = id, Name = id });

    public MapBuilder Nested(string id, string calledKey, IReadOnlyList<VariableMapping>? inputs = null, IReadOnlyList<VariableMapping>? outputs = null) =>
        Add(new NestedProcessPoint { Id = id, Name = id, CalledMapKey = calledKey, Inputs = inputs ?? [], Outputs = outputs ?? [] });

    public MapBuilder Add(Point point)
    {
        _points.Add(_scope is null ? point : point with { ScopeId = _scope });
        return this;
    }

    /// <summary>Connects points in a chain: <c>Flow("start", "a", "end")</c>.</summary>
    public MapBuilder Flow(params string[] chain)
    {
        for (var i = 0; i + 1 < chain.Length; i++)
        {
            Add(new Flow { Id = $"{chain[i]}->{chain[i + 1]}", SourceId = chain[i], TargetId = chain[i + 1] });
        }

        return this;
    }

    public MapBuilder Yes(string condition, string target) => Add(new Flow { Id = $"{condition}->{target}", SourceId = condition, TargetId = target, Branch = ConditionBranch.Yes, Name = "Yes" });

    public MapBuilder No(string condition, string target) => Add(new Flow { Id = $"{condition}->{target}", SourceId = condition, TargetId = target, Branch = ConditionBranch.No, Name = "No" });

    public MapBuilder Case(string choice, string target, string? expression) => Add(new Flow { Id = $"{choice}->{target}", SourceId = choice, TargetId = target, Condition = expression });

    /// <summary>Adds a flow; a second flow between the same points gets a numbered id.</summary>
    public MapBuilder Add(Flow flow)
    {
        var id = flow.Id;
        for (var n = 2; !_flowIds.Add(id); n++)
        {
            id = $"{flow.Id}#{n}";
        }

        _flows.Add(flow with { Id = id, ScopeId = _scope ?? flow.ScopeId });
        return this;
    }

    /// <summary>Declares a start variable of the map (<see cref="RouteMap.StartVariables"/>).</summary>
    public MapBuilder StartVariable(string variable, FormFieldType type = FormFieldType.Text, bool required = false, string label = "")
    {
        _startVariables.Add(new StartVariable { Name = variable, Type = type, Required = required, Label = label });
        return this;
    }

    public RouteMap Build() => new() { Key = key, Name = string.IsNullOrEmpty(name) ? key : name, StartVariables = [.. _startVariables], Points = [.. _points], Flows = [.. _flows] };
}
