using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Server.Identity;

/// <summary>
/// Who may see and who may change the CRM record a process is about (its <see cref="SubjectReference"/>), by the rules
/// the record's own API applies: a deal its manager and their Head; an instruction its author and performer and their
/// Heads; a claim every worker sees, its responsible and registering employee (and their Heads) change; a partner any
/// worker. An Administrator may do everything. Subjects of other types are no CRM record and grant nothing.
/// </summary>
public sealed class SubjectRights(ICrmStore crm, WorkScope work)
{
    /// <summary>The subject types that name CRM records.</summary>
    public static readonly IReadOnlySet<string> CrmTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        DealService.SubjectType, ClaimService.SubjectType, InstructionService.SubjectType, PartnerSubjectType,
    };

    private const string PartnerSubjectType = "partner";

    /// <summary>True when the user may see the record behind <paramref name="subject"/>; false for no record or another type.</summary>
    public Task<bool> CanSeeAsync(SubjectReference subject, CancellationToken cancellationToken = default) =>
        DecideAsync(subject, change: false, cancellationToken);

    /// <summary>True when the user may change the record behind <paramref name="subject"/>; false for no record or another type.</summary>
    public Task<bool> CanChangeAsync(SubjectReference subject, CancellationToken cancellationToken = default) =>
        DecideAsync(subject, change: true, cancellationToken);

    /// <summary>True when <paramref name="subject"/> names a CRM record that exists.</summary>
    public async Task<bool> ExistsAsync(SubjectReference subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!Guid.TryParse(subject.Id, out var id))
        {
            return false;
        }

        await using var session = await crm.OpenSessionAsync(cancellationToken);
        return subject.Type switch
        {
            DealService.SubjectType => await session.Deals.FindAsync(id, cancellationToken) is not null,
            ClaimService.SubjectType => await session.Claims.FindAsync(id, cancellationToken) is not null,
            InstructionService.SubjectType => await session.Instructions.FindAsync(id, cancellationToken) is not null,
            PartnerSubjectType => await session.Partners.FindAsync(id, cancellationToken) is not null,
            _ => false,
        };
    }

    private async Task<bool> DecideAsync(SubjectReference subject, bool change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (!CrmTypes.Contains(subject.Type) || !Guid.TryParse(subject.Id, out var id))
        {
            return false;
        }

        if (work.User.IsAdministrator)
        {
            return true;
        }

        if (!IsWorker)
        {
            return false; // a Consultant works on route maps, not on CRM records
        }

        await using var session = await crm.OpenSessionAsync(cancellationToken);
        switch (subject.Type)
        {
            case DealService.SubjectType:
                return await session.Deals.FindAsync(id, cancellationToken) is { } deal && await work.CanSeeDealAsync(deal, cancellationToken);
            case InstructionService.SubjectType:
                return await session.Instructions.FindAsync(id, cancellationToken) is { } instruction &&
                    (await work.CoversUserAsync(instruction.AuthorId, cancellationToken) || await work.CoversUserAsync(instruction.PerformerId, cancellationToken));
            case ClaimService.SubjectType:
                if (await session.Claims.FindAsync(id, cancellationToken) is not { } claim)
                {
                    return false;
                }

                return !change || await work.CoversUserAsync(claim.ResponsibleId, cancellationToken) || await work.CoversUserAsync(claim.RegisteredBy, cancellationToken);
            default:
                return await session.Partners.FindAsync(id, cancellationToken) is not null;
        }
    }

    private bool IsWorker => work.User.Roles.Overlaps([AppRoles.Manager, AppRoles.Head, AppRoles.Administrator]);
}
