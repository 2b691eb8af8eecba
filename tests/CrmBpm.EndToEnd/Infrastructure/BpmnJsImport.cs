namespace CrmBpm.EndToEnd.Infrastructure;

/// <summary>What bpmn-js made of one BPMN document.</summary>
/// <param name="Error">Why importXML threw; null when it did not.</param>
/// <param name="Warnings">The import warnings (unparsable content, unresolved references, DI it could not draw, …).</param>
/// <param name="Drawn">The ids of the BPMN elements drawn on the canvas (labels left out).</param>
public sealed record BpmnJsImport(string? Error, IReadOnlyList<string> Warnings, IReadOnlySet<string> Drawn);
