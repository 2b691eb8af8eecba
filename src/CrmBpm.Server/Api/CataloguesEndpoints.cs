using CrmBpm.Crm.Catalogues;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>/api/catalogues: sales stages, loss reasons, claim reasons, departments, roles; read by everyone, edited by Administrators.</summary>
public static class CataloguesEndpoints
{
    /// <summary>Maps the catalogue endpoints.</summary>
    public static RouteGroupBuilder MapCataloguesEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/catalogues").WithTags("Catalogues");
        group.MapGet("/{kind}", ListCatalogue).WithName("ListCatalogue").WithSummary("The entries of a catalogue, in order.");
        group.MapPost("/{kind}", AddCatalogueItem).WithName("AddCatalogueItem").RequireAuthorization(Policies.Administer).WithSummary("Adds an entry.");
        group.MapPut("/items/{itemId:guid}", UpdateCatalogueItem).WithName("UpdateCatalogueItem").RequireAuthorization(Policies.Administer).WithSummary("Renames or moves an entry.");
        group.MapPost("/items/{itemId:guid}/archive", ArchiveCatalogueItem).WithName("ArchiveCatalogueItem").RequireAuthorization(Policies.Administer)
            .WithSummary("Archives an entry (kept for the records that use it, no longer offered).");
        return api;
    }

    /// <summary>List.</summary>
    public static async Task<Ok<PagedList<CatalogueItemDto>>> ListCatalogue(CatalogueKind kind, CatalogueService catalogues, bool? includeArchived, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        return TypedResults.Ok(paging.Apply((await catalogues.ListAsync(kind, includeArchived ?? false, cancellationToken)).Select(CatalogueItemDto.From)));
    }

    /// <summary>Add.</summary>
    public static async Task<Created<CatalogueItemDto>> AddCatalogueItem(CatalogueKind kind, AddCatalogueItemRequest request, CatalogueService catalogues, CancellationToken cancellationToken)
    {
        new Check().Required(request.Name, "name").MaxLength(request.Code, "code", 100).ThrowIfAny();
        var item = await catalogues.AddAsync(kind, request.Name!, request.Code, request.Order, cancellationToken);
        return TypedResults.Created($"/api/catalogues/{kind}", CatalogueItemDto.From(item));
    }

    /// <summary>Update.</summary>
    public static async Task<Ok<CatalogueItemDto>> UpdateCatalogueItem(Guid itemId, UpdateCatalogueItemRequest request, CatalogueService catalogues, CancellationToken cancellationToken)
    {
        new Check().That(request.Name is not null || request.Order is not null, "name", "Give name, order or both.").MaxLength(request.Name, "name", 200).ThrowIfAny();
        CatalogueItem? item = null;
        if (request.Name is not null)
        {
            new Check().Required(request.Name, "name").ThrowIfAny();
            item = await catalogues.RenameAsync(itemId, request.Name, cancellationToken);
        }

        if (request.Order is { } order)
        {
            item = await catalogues.MoveAsync(itemId, order, cancellationToken);
        }

        return TypedResults.Ok(CatalogueItemDto.From(item!));
    }

    /// <summary>Archive.</summary>
    public static async Task<Ok<CatalogueItemDto>> ArchiveCatalogueItem(Guid itemId, CatalogueService catalogues, CancellationToken cancellationToken) =>
        TypedResults.Ok(CatalogueItemDto.From(await catalogues.ArchiveAsync(itemId, cancellationToken)));
}
