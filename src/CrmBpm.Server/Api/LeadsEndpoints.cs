using CrmBpm.Crm.Deals;
using CrmBpm.Crm.Leads;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Partners;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>/api/leads: leads, converted into partner + counterparty + contact by their first deal.</summary>
public static class LeadsEndpoints
{
    /// <summary>Maps the lead endpoints.</summary>
    public static RouteGroupBuilder MapLeadsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/leads").WithTags("Leads").RequireAuthorization(Policies.Work);
        group.MapGet("/", ListLeads).WithName("ListLeads").WithSummary("Leads, newest first, optionally by status; search matches company, contact, tax id, phone and e-mail.");
        group.MapGet("/{leadId:guid}", GetLead).WithName("GetLead").WithSummary("A lead.");
        group.MapPost("/", RegisterLead).WithName("RegisterLead").WithSummary("Registers a lead after the duplicate check (409 naming the colliding records).");
        group.MapPost("/{leadId:guid}/discard", DiscardLead).WithName("DiscardLead").WithSummary("Discards a lead with a reason.");
        group.MapPost("/{leadId:guid}/convert", ConvertLead).WithName("ConvertLead")
            .WithSummary("Opens the lead's first deal, converting it into partner, counterparty and contact.");
        return api;
    }

    /// <summary>List.</summary>
    public static async Task<Ok<PagedList<LeadDto>>> ListLeads(LeadService leads, LeadStatus? status, string? search, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        return TypedResults.Ok(paging.Apply((await leads.SearchAsync(status, search, cancellationToken)).Select(LeadDto.From)));
    }

    /// <summary>One lead.</summary>
    public static async Task<Ok<LeadDto>> GetLead(Guid leadId, LeadService leads, CancellationToken cancellationToken) =>
        TypedResults.Ok(LeadDto.From(await leads.GetAsync(leadId, cancellationToken)));

    /// <summary>Register.</summary>
    public static async Task<Created<LeadDto>> RegisterLead(RegisterLeadRequest request, LeadService leads, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().Required(request.CompanyName, "companyName").MaxLength(request.ContactName, "contactName", 200)
            .MaxLength(request.Phone, "phone", 50).MaxLength(request.Email, "email", 200).Email(request.Email, "email").MaxLength(request.TaxId, "taxId", 50).ThrowIfAny();
        var lead = await leads.RegisterAsync(new RegisterLead
        {
            CompanyName = request.CompanyName!, ContactName = request.ContactName, Phone = request.Phone, Email = request.Email,
            TaxId = request.TaxId, AdChannel = request.AdChannel, PrimaryDemand = request.PrimaryDemand, OwnerId = work.User.Id,
            AllowDuplicates = request.AllowDuplicates,
        }, cancellationToken);
        return TypedResults.Created($"/api/leads/{lead.Id}", LeadDto.From(lead));
    }

    /// <summary>Discard.</summary>
    public static async Task<Ok<LeadDto>> DiscardLead(Guid leadId, DiscardLeadRequest request, LeadService leads, CancellationToken cancellationToken)
    {
        new Check().Required(request.Reason, "reason", 1000).ThrowIfAny();
        return TypedResults.Ok(LeadDto.From(await leads.DiscardAsync(leadId, request.Reason!, cancellationToken)));
    }

    /// <summary>Convert.</summary>
    public static async Task<Created<DealDto>> ConvertLead(Guid leadId, ConvertLeadRequest request, LeadService leads, DealService deals, WorkScope work, CancellationToken cancellationToken)
    {
        var deal = await LeadConversion.ConvertAsync(leadId, request, work.User, leads, deals, cancellationToken);
        return TypedResults.Created($"/api/deals/{deal.Id}", DealDto.From(deal));
    }
}
