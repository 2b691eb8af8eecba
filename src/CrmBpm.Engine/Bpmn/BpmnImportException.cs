using CrmBpm.Engine.Errors;

namespace CrmBpm.Engine.Bpmn;

/// <summary>A BPMN file could not be imported; <see cref="Problems"/> lists every reason at once.</summary>
public sealed class BpmnImportException(IReadOnlyList<BpmnProblem> problems)
    : CrmBpmException("bpmn.invalid", $"The BPMN file has {problems.Count} problem(s): " + string.Join(" ", problems.Select(p => p + ".")))
{
    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<BpmnProblem> Problems { get; } = problems;
}
