namespace CrmBpm.Engine.Definitions;

/// <summary>
/// Runs an activity once per item of a list (or a given number of times): all at once (parallel) or one after the other
/// (sequential), until all are done or the <see cref="CompletionCondition"/> holds. On an Action each run is a task, on a
/// Nested process a child instance. Maps published before the sequential, expression, cardinality and completion settings
/// existed read as a parallel multi-instance over <see cref="CollectionVariable"/>, as they ran.
/// </summary>
public sealed record MultiInstance
{
    /// <summary>The list variable whose items each get a run; null when <see cref="CollectionExpression"/> or <see cref="LoopCardinality"/> says it.</summary>
    public string? CollectionVariable { get; init; }

    /// <summary>
    /// An expression giving the list (Camunda's <c>${order.items}</c>, Zeebe's <c>=items</c>, or JavaScript), evaluated once
    /// when the activity starts; used when <see cref="CollectionVariable"/> is not set.
    /// </summary>
    public string? CollectionExpression { get; init; }

    /// <summary>
    /// How many runs without a list (BPMN's <c>loopCardinality</c>): a whole number or an expression giving one, evaluated once
    /// when the activity starts. A list, when given, wins.
    /// </summary>
    public string? LoopCardinality { get; init; }

    /// <summary>Name under which a run sees its item (in the title template and task variables, or the child instance's variables).</summary>
    public string ElementVariable { get; init; } = "item";

    /// <summary>One run at a time, in item order (BPMN's <c>isSequential</c>); false runs them all at once.</summary>
    public bool IsSequential { get; init; }

    /// <summary>
    /// Evaluated after each run completes, with <c>nrOfInstances</c>, <c>nrOfCompletedInstances</c>, <c>nrOfActiveInstances</c>
    /// and <c>loopCounter</c> (and Zeebe's <c>numberOf…</c> names) beside the variables; when true the runs still open are
    /// cancelled and the activity completes.
    /// </summary>
    public string? CompletionCondition { get; init; }

    /// <summary>Optional list variable that collects each run's result, in item order (Zeebe's <c>outputCollection</c>).</summary>
    public string? ResultCollection { get; init; }

    /// <summary>
    /// What a run puts into <see cref="ResultCollection"/> (Zeebe's <c>outputElement</c>), evaluated over a Nested process's child
    /// variables; null collects the values of its output mappings as one object.
    /// </summary>
    public string? ResultElement { get; init; }

    /// <summary>True when the items come from a list (a variable or an expression), false when only counted.</summary>
    public bool HasCollection => !string.IsNullOrWhiteSpace(CollectionVariable) || !string.IsNullOrWhiteSpace(CollectionExpression);
}
