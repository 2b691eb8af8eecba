using CrmBpm.Crm.Catalogues;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>A catalogue entry.</summary>
public sealed record CatalogueItemDto(Guid Id, CatalogueKind Kind, string Code, string Name, int Order, bool IsDefault, bool IsArchived)
{
    /// <summary>Maps a catalogue item.</summary>
    public static CatalogueItemDto From(CatalogueItem i) => new(i.Id, i.Kind, i.Code, i.Name, i.Order, i.IsDefault, i.IsArchived);
}

/// <summary>Adding a catalogue entry.</summary>
public sealed record AddCatalogueItemRequest(string? Name, string? Code, int? Order);

/// <summary>Renaming or moving an entry.</summary>
public sealed record UpdateCatalogueItemRequest(string? Name, int? Order);
