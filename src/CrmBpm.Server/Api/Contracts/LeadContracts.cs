using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Leads;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>A lead.</summary>
public sealed record LeadDto(
    Guid Id, string CompanyName, string ContactName, string? Phone, string? Email, string? TaxId, string AdChannel, string PrimaryDemand,
    string OwnerId, LeadStatus Status, string? DiscardReason, Guid? PartnerId, Guid? ContactId, Guid? FirstDealId, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt)
{
    /// <summary>Maps a lead.</summary>
    public static LeadDto From(Lead l) => new(l.Id, l.CompanyName, l.ContactName, l.Phone, l.Email, l.TaxId, l.AdChannel, l.PrimaryDemand,
        l.OwnerId, l.Status, l.DiscardReason, l.PartnerId, l.ContactId, l.FirstDealId, l.CreatedAt, l.ClosedAt);
}

/// <summary>Registering a lead.</summary>
public sealed record RegisterLeadRequest(string? CompanyName, string? ContactName, string? Phone, string? Email, string? TaxId, string? AdChannel, string? PrimaryDemand, bool AllowDuplicates);

/// <summary>Discarding a lead.</summary>
public sealed record DiscardLeadRequest(string? Reason);

/// <summary>Converting a lead by opening its first deal (into a new partner, or an existing one with <c>partnerId</c>).</summary>
public sealed record ConvertLeadRequest(string? Title, decimal? PotentialAmount, DealKind? Kind, string? RouteMapKey, string? Stage, Guid? PartnerId, bool AllowDuplicates);
