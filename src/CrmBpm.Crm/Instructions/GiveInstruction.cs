using CrmBpm.Engine.Runtime;

namespace CrmBpm.Crm.Instructions;

/// <summary>What is needed to give an instruction.</summary>
public sealed record GiveInstruction
{
    /// <summary>What is to be done.</summary>
    public required string Title { get; init; }

    /// <summary>Details.</summary>
    public string? Description { get; init; }

    /// <summary>Who gives it (and verifies it).</summary>
    public required string AuthorId { get; init; }

    /// <summary>Who executes it; the same as the author means no verification.</summary>
    public required string PerformerId { get; init; }

    /// <summary>What it is about (a deal, claim, partner, ...); null for a standalone instruction.</summary>
    public SubjectReference? Subject { get; init; }

    /// <summary>Deadline; null means <see cref="CrmOptions.DefaultInstructionDeadline"/> from now.</summary>
    public DateTimeOffset? DueAt { get; init; }
}
