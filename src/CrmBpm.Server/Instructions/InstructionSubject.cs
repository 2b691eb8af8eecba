using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine.Errors;
using CrmBpm.Server.Identity;

namespace CrmBpm.Server.Instructions;

/// <summary>What an instruction is about (a deal, claim or partner) as a page shows it: its kind, name and page.</summary>
public sealed record InstructionSubject(string Type, string Id, string Name, string Href)
{
    /// <summary>The subject types an instruction may be given about, with the page route of each.</summary>
    public static readonly IReadOnlyDictionary<string, string> Routes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [DealService.SubjectType] = "deals",
        [ClaimService.SubjectType] = "claims",
        ["partner"] = "partners",
    };

    /// <summary>
    /// Finds the subject <paramref name="type"/> (<c>Deal</c>, <c>Claim</c>, <c>Partner</c>, any case) + <paramref name="id"/>;
    /// a deal only when the user may see it, as in the deal API.
    /// </summary>
    /// <exception cref="InputException">An unknown kind or an id that is not a Guid.</exception>
    /// <exception cref="NotFoundException">No such subject.</exception>
    /// <exception cref="ForbiddenException">A deal the user may not see.</exception>
    public static async Task<InstructionSubject> FindAsync(
        string type, string id, IServiceProvider services, WorkScope work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(work);
        var kind = Routes.Keys.FirstOrDefault(k => string.Equals(k, type, StringComparison.OrdinalIgnoreCase))
            ?? throw new InputException("subject.unknown-kind", "subjectKind", $"'{type}' is not a subject an instruction can be about; use Deal, Claim or Partner.");
        if (!Guid.TryParse(id, out var guid))
        {
            throw new InputException("subject.bad-id", "subjectId", $"'{id}' is not a {kind} id.");
        }

        var name = kind switch
        {
            DealService.SubjectType => await DealNameAsync(guid, services.GetRequiredService<DealService>(), work, cancellationToken),
            ClaimService.SubjectType => await ClaimNameAsync(guid, services, cancellationToken),
            _ => (await services.GetRequiredService<PartnerService>().GetAsync(guid, cancellationToken)).Name,
        };
        return new InstructionSubject(kind, guid.ToString(), name, $"{Routes[kind]}/{guid}");
    }

    private static async Task<string> DealNameAsync(Guid id, DealService deals, WorkScope work, CancellationToken cancellationToken)
    {
        var deal = await deals.GetAsync(id, cancellationToken);
        await work.EnsureCanSeeDealAsync(deal, cancellationToken);
        return deal.Title;
    }

    private static async Task<string> ClaimNameAsync(Guid id, IServiceProvider services, CancellationToken cancellationToken)
    {
        var claim = await services.GetRequiredService<ClaimService>().GetAsync(id, cancellationToken);
        var partner = await services.GetRequiredService<PartnerService>().GetAsync(claim.PartnerId, cancellationToken);
        return $"{partner.Name}: {(claim.Description.Length > 60 ? claim.Description[..60] + "…" : claim.Description)}";
    }
}
