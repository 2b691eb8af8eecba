namespace CrmBpm.Designer.Validation;

/// <summary>
/// One problem listed under the canvas: the element concerned (a point or flow id; null for the map as a whole),
/// a stable code (the engine's validation code, or <c>bpmn.import</c> when the XML cannot become a route map), a sentence,
/// and whether it only warns (a warning does not stop publishing).
/// </summary>
public sealed record DesignerProblem(string Code, string? ElementId, string Message, bool IsWarning = false);
