namespace CrmBpm.Engine.Definitions;

/// <summary>
/// One task per item of a list variable, all open at once; the point is done when all are done.
/// </summary>
public sealed record MultiInstance
{
    /// <summary>The list variable whose items each get a task.</summary>
    public required string CollectionVariable { get; init; }

    /// <summary>Name under which a task sees its item (in the title template and task variables).</summary>
    public string ElementVariable { get; init; } = "item";

    /// <summary>Optional list variable that collects each task's outcome and form values, in item order.</summary>
    public string? ResultCollection { get; init; }
}
