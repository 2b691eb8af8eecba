using CrmBpm.Crm.Persistence;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Crm.Catalogues;

/// <summary>Reads and edits the catalogues; seeds the defaults into an empty store.</summary>
public sealed class CatalogueService(ICrmStore store)
{
    private readonly SemaphoreSlim _seeding = new(1, 1);
    private volatile bool _seeded;

    /// <summary>Adds <see cref="DefaultCatalogues"/> when the store has no catalogue items yet. Safe to call repeatedly.</summary>
    public async Task EnsureSeededAsync(CancellationToken cancellationToken = default)
    {
        if (_seeded)
        {
            return;
        }

        await _seeding.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
            await using (session.ConfigureAwait(false))
            {
                if ((await session.CatalogueItems.ListAsync(null, cancellationToken).ConfigureAwait(false)).Count == 0)
                {
                    foreach (var item in DefaultCatalogues.Create())
                    {
                        session.CatalogueItems.Add(item);
                    }

                    await session.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            _seeded = true;
        }
        finally
        {
            _seeding.Release();
        }
    }

    /// <summary>The items of one catalogue in order; archived ones only when asked.</summary>
    public async Task<IReadOnlyList<CatalogueItem>> ListAsync(CatalogueKind kind, bool includeArchived = false, CancellationToken cancellationToken = default)
    {
        await EnsureSeededAsync(cancellationToken).ConfigureAwait(false);
        var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var items = await session.CatalogueItems.ListAsync(i => i.Kind == kind, cancellationToken).ConfigureAwait(false);
            return [.. items.Where(i => includeArchived || !i.IsArchived).OrderBy(i => i.Order).ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase)];
        }
    }

    /// <summary>The active item of <paramref name="kind"/> whose id, code or name is <paramref name="reference"/>; refuses unknown ones naming the choices.</summary>
    public async Task<CatalogueItem> ResolveAsync(CatalogueKind kind, string? reference, string field, CancellationToken cancellationToken = default)
    {
        var items = await ListAsync(kind, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new InputException("catalogue.required", field, $"Choose a {Label(kind)}: {string.Join(", ", items.Select(i => i.Name))}.");
        }

        return items.FirstOrDefault(i => i.Matches(reference))
            ?? throw new InputException("catalogue.unknown-item", field, $"'{reference}' is not a {Label(kind)}; choose one of {string.Join(", ", items.Select(i => i.Name))}.");
    }

    /// <summary>The default item of a catalogue (e.g. the loss reason "Other"), or null.</summary>
    public async Task<CatalogueItem?> FindDefaultAsync(CatalogueKind kind, CancellationToken cancellationToken = default) =>
        (await ListAsync(kind, cancellationToken: cancellationToken).ConfigureAwait(false)).FirstOrDefault(i => i.IsDefault);

    /// <summary>Adds an item; its code must be new in the catalogue.</summary>
    public async Task<CatalogueItem> AddAsync(CatalogueKind kind, string name, string? code = null, int? order = null, CancellationToken cancellationToken = default)
    {
        await EnsureSeededAsync(cancellationToken).ConfigureAwait(false);
        var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var existing = await session.CatalogueItems.ListAsync(i => i.Kind == kind, cancellationToken).ConfigureAwait(false);
            var item = new CatalogueItem(kind, string.IsNullOrWhiteSpace(code) ? CatalogueItem.NormalizeCode(name ?? "") : code, name!, order ?? (existing.Count == 0 ? 10 : existing.Max(i => i.Order) + 10));
            if (existing.FirstOrDefault(i => i.Code == item.Code || string.Equals(i.Name, item.Name, StringComparison.OrdinalIgnoreCase)) is { } clash)
            {
                throw new ConflictException("catalogue.duplicate", $"The {Label(kind)} catalogue already has '{clash.Name}' (code '{clash.Code}').");
            }

            session.CatalogueItems.Add(item);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return item;
        }
    }

    /// <summary>Renames an item.</summary>
    public Task<CatalogueItem> RenameAsync(Guid itemId, string name, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, item => item.Rename(name), cancellationToken);

    /// <summary>Moves an item in its list.</summary>
    public Task<CatalogueItem> MoveAsync(Guid itemId, int order, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, item => item.MoveTo(order), cancellationToken);

    /// <summary>Archives an item (hidden from new choices).</summary>
    public Task<CatalogueItem> ArchiveAsync(Guid itemId, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, item => item.Archive(), cancellationToken);

    /// <summary>Restores an archived item (offered for new choices again).</summary>
    public Task<CatalogueItem> RestoreAsync(Guid itemId, CancellationToken cancellationToken = default) =>
        ChangeAsync(itemId, item => item.Restore(), cancellationToken);

    private async Task<CatalogueItem> ChangeAsync(Guid itemId, Action<CatalogueItem> change, CancellationToken cancellationToken)
    {
        var session = await store.OpenSessionAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var item = await session.CatalogueItems.FindAsync(itemId, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException("catalogue.not-found", $"Catalogue item {itemId} does not exist.");
            change(item);
            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
            return item;
        }
    }

    internal static string Label(CatalogueKind kind) => kind switch
    {
        CatalogueKind.SalesStage => "sales stage",
        CatalogueKind.LossReason => "loss reason",
        CatalogueKind.ClaimReason => "claim reason",
        CatalogueKind.Department => "department",
        _ => "role",
    };
}
