using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Deals;

/// <summary>
/// A direct change of a process-controlled deal was refused. The message names the current stage and the task(s)
/// that must be completed instead; <see cref="CrmBpmException.Code"/> is <c>deal.stage-controlled-by-process</c>
/// for stage changes and <c>deal.status-controlled-by-process</c> for direct closing.
/// </summary>
public sealed class DealControlledByProcessException : CrmBpmException
{
    internal DealControlledByProcessException(string code, string message, Guid dealId, string? currentStage, string? currentStageName, IReadOnlyList<BlockingTask> tasks)
        : base(code, message)
    {
        DealId = dealId;
        CurrentStage = currentStage;
        CurrentStageName = currentStageName;
        Tasks = tasks;
    }

    /// <summary>The deal.</summary>
    public Guid DealId { get; }

    /// <summary>Code of the stage the deal is at.</summary>
    public string? CurrentStage { get; }

    /// <summary>Display name of that stage.</summary>
    public string? CurrentStageName { get; }

    /// <summary>The open tasks whose completion moves the deal on.</summary>
    public IReadOnlyList<BlockingTask> Tasks { get; }
}
