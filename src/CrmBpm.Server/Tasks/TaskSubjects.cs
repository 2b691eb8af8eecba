using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Instructions;
using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Runtime;

namespace CrmBpm.Server.Tasks;

/// <summary>What a task is about, as a person reads it: the kind, a name and where its page is (null when it has none).</summary>
public sealed record TaskSubject(SubjectReference Reference, string Name, string? Href)
{
    /// <summary>The subject's type (<c>deal</c>, <c>claim</c>, <c>instruction</c>, or whatever an embedder chose).</summary>
    public string Type => Reference.Type;
}

/// <summary>
/// Names the subjects of tasks. The CRM links a process to what it is about by the instance's
/// <see cref="SubjectReference"/> (<c>("deal", id)</c>, <c>("claim", id)</c>, <c>("instruction", id)</c>), which the engine
/// copies onto every task of the instance; this reads the deals, claims and instructions behind a batch of references in
/// one CRM session.
/// </summary>
public sealed class TaskSubjects(ICrmStore crm)
{
    private const int Batch = 200;

    /// <summary>Names every distinct subject among <paramref name="subjects"/>; one a CRM record no longer backs keeps its id as the name.</summary>
    public async Task<IReadOnlyDictionary<SubjectReference, TaskSubject>> DescribeAsync(IEnumerable<SubjectReference?> subjects, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var distinct = subjects.OfType<SubjectReference>().Distinct().ToList();
        var named = new Dictionary<SubjectReference, TaskSubject>();
        if (distinct.Count == 0)
        {
            return named;
        }

        await using var session = await crm.OpenSessionAsync(cancellationToken);
        foreach (var ids in Batches(distinct, DealService.SubjectType))
        {
            foreach (var deal in await session.Deals.ListAsync(d => ids.Contains(d.Id), cancellationToken))
            {
                Add(named, DealService.SubjectType, deal.Id, deal.Title, "deals");
            }
        }

        foreach (var ids in Batches(distinct, ClaimService.SubjectType))
        {
            var claims = await session.Claims.ListAsync(c => ids.Contains(c.Id), cancellationToken);
            var partnerIds = claims.Select(c => c.PartnerId).Distinct().ToList();
            var partners = (await session.Partners.ListAsync(p => partnerIds.Contains(p.Id), cancellationToken)).ToDictionary(p => p.Id, p => p.Name);
            foreach (var claim in claims)
            {
                Add(named, ClaimService.SubjectType, claim.Id, ClaimName(partners.GetValueOrDefault(claim.PartnerId), claim.Description), "claims");
            }
        }

        foreach (var ids in Batches(distinct, InstructionService.SubjectType))
        {
            foreach (var instruction in await session.Instructions.ListAsync(i => ids.Contains(i.Id), cancellationToken))
            {
                Add(named, InstructionService.SubjectType, instruction.Id, instruction.Title, "instructions");
            }
        }

        foreach (var subject in distinct.Where(s => !named.ContainsKey(s)))
        {
            named[subject] = new TaskSubject(subject, subject.Id, null);
        }

        return named;
    }

    /// <summary>The ids of one type, in lists (a <see cref="List{T}"/>'s Contains translates and compiles alike in every store).</summary>
    private static IEnumerable<List<Guid>> Batches(IEnumerable<SubjectReference> subjects, string type) =>
        subjects.Where(s => s.Type == type)
            .Select(s => Guid.TryParse(s.Id, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Chunk(Batch)
            .Select(ids => ids.ToList());

    private static void Add(Dictionary<SubjectReference, TaskSubject> named, string type, Guid id, string name, string page)
    {
        // The engine stores the id as the CRM wrote it (Guid.ToString(), "D" format); the key must compare equal.
        var reference = new SubjectReference(type, id.ToString());
        named[reference] = new TaskSubject(reference, name, $"{page}/{id}");
    }

    /// <summary>A claim reads as its partner and the start of its description: "Nordwind Logistik: The scanners for …".</summary>
    private static string ClaimName(string? partner, string description)
    {
        const int Length = 60;
        var text = description.Length <= Length ? description : description[..Length].TrimEnd() + "…";
        return partner is null ? text : $"{partner}: {text}";
    }
}
