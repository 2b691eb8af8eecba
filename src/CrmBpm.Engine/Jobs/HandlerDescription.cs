namespace CrmBpm.Engine.Jobs;

/// <summary>
/// What a registered handler does and which variables it reads and sets, as a consultant picking it in the designer needs to
/// know: given with <c>bpm.AddHandler&lt;T&gt;(name, description)</c>, listed by <see cref="ServiceTaskHandlerRegistry.Handlers"/>.
/// </summary>
public sealed record HandlerDescription
{
    /// <summary>One sentence: what the step does ("Sets the deal's potential amount").</summary>
    public string Summary { get; init; } = "";

    /// <summary>The variables the handler reads.</summary>
    public IReadOnlyList<HandlerVariable> Inputs { get; init; } = [];

    /// <summary>The variables the handler sets.</summary>
    public IReadOnlyList<HandlerVariable> Outputs { get; init; } = [];
}

/// <summary>A variable a handler reads or sets: its name, its kind (text, number, boolean, date) and what it means.</summary>
public sealed record HandlerVariable(string Name, string Type, string Description, bool Required = false);

/// <summary>A registered handler: the name maps call it by, and its description (empty when none was given).</summary>
public sealed record RegisteredHandler(string Name, HandlerDescription Description);
