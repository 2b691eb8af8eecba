using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Errors;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Instructions;

/// <summary>
/// Which instructions a user may see: those given by or to them, and for a Head those of the team. The API and the
/// instruction pages both ask here, so the two can never disagree.
/// </summary>
public static class VisibleInstructions
{
    /// <summary>The visible instructions, newest first, narrowed by the user's role in them, status and subject.</summary>
    public static async Task<IReadOnlyList<Instruction>> ListAsync(
        ICrmStore store, WorkScope work, InstructionRole? role, InstructionStatus? status = null, string? subjectType = null, string? subjectId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(work);
        IReadOnlyList<Instruction> all;
        await using (var session = await store.OpenSessionAsync(cancellationToken))
        {
            all = await session.Instructions.ListAsync(null, cancellationToken);
        }

        var team = await work.TeamAsync(cancellationToken);
        var me = work.User.Id;
        bool Covers(string userId) => team is null || team.Any(m => m.Id == userId);
        return [.. all
            .Where(i => role switch
            {
                InstructionRole.Author => i.AuthorId == me,
                InstructionRole.Performer => i.PerformerId == me,
                _ => Covers(i.AuthorId) || Covers(i.PerformerId),
            })
            .Where(i => status is null || i.Status == status)
            .Where(i => subjectType is null || i.SubjectType == subjectType)
            .Where(i => subjectId is null || i.SubjectId == subjectId)
            .OrderByDescending(i => i.CreatedAt)];
    }

    /// <summary>One instruction, refused with <c>instruction.not-yours</c> when the user may not see it.</summary>
    /// <exception cref="ForbiddenException">Neither the author nor the performer is the user or in the user's team.</exception>
    public static async Task<Instruction> GetAsync(Guid instructionId, InstructionService instructions, WorkScope work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        ArgumentNullException.ThrowIfNull(work);
        var instruction = await instructions.GetAsync(instructionId, cancellationToken);
        return await work.CoversUserAsync(instruction.AuthorId, cancellationToken) || await work.CoversUserAsync(instruction.PerformerId, cancellationToken)
            ? instruction
            : throw new ForbiddenException("instruction.not-yours", $"Instruction '{instruction.Title}' was neither given by you nor to you.");
    }
}
