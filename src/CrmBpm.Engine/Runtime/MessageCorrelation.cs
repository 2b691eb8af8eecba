namespace CrmBpm.Engine.Runtime;

/// <summary>
/// A message to deliver (<see cref="IProcessEngine.CorrelateAsync"/>): its name, what says which instance it is for, and the
/// variables it carries. A waiting subscription is reached when its message name is <see cref="MessageName"/>, its correlation
/// key equals <see cref="CorrelationKey"/> (both absent counts as equal), and, when given, its instance's business key is
/// <see cref="BusinessKey"/> and every one of <see cref="CorrelationVariables"/> equals the instance's variable of that name.
/// </summary>
public sealed record MessageCorrelation
{
    /// <summary>The message's name (BPMN's <c>message name</c>).</summary>
    public required string MessageName { get; init; }

    /// <summary>The business key of the instance it is for; null matches any.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>The key a subscription's correlation key expression gave (Zeebe's correlation key); null reaches only waits without one.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>Instance variables the instance must have, each equal (as JSON) to the value given; null or empty matches any.</summary>
    public IReadOnlyDictionary<string, object?>? CorrelationVariables { get; init; }

    /// <summary>Variables the message sets on the instance it reaches (or starts).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>Deliver to every matching wait (each instance's oldest), not only to the oldest one.</summary>
    public bool All { get; init; }

    /// <summary>Who sends it (recorded in the history); the system when null.</summary>
    public string? Actor { get; init; }
}
