using CrmBpm.Crm.Duplicates;
using CrmBpm.Crm.Partners;
using CrmBpm.Engine.Errors;
using CrmBpm.Server.Api.Contracts;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmBpm.Server.Api;

/// <summary>/api/partners: partners, counterparties, contacts and the duplicate check.</summary>
public static class PartnersEndpoints
{
    /// <summary>Maps the partner endpoints.</summary>
    public static RouteGroupBuilder MapPartnersEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/partners").WithTags("Partners").RequireAuthorization(Policies.Work);
        group.MapGet("/", ListPartners).WithName("ListPartners").WithSummary("Partners by name; search matches name, tax id, phone and e-mail (also of contacts); filters by kind and relation.");
        group.MapGet("/{partnerId:guid}", GetPartner).WithName("GetPartner").WithSummary("A partner with its counterparties and contacts.");
        group.MapPost("/", RegisterPartner).WithName("RegisterPartner")
            .WithSummary("Registers a partner; refused with 409 naming the colliding records unless allowDuplicates.");
        group.MapPost("/duplicates", CheckDuplicates).WithName("CheckPartnerDuplicates")
            .WithSummary("Which partners, counterparties, contacts and leads collide by name, tax id, phone or e-mail.");
        group.MapPost("/{partnerId:guid}/counterparties", AddCounterparty).WithName("AddCounterparty").WithSummary("Adds a legal entity to a partner.");
        group.MapPost("/{partnerId:guid}/contacts", AddContact).WithName("AddContact").WithSummary("Adds a contact person to a partner.");
        group.MapPut("/{partnerId:guid}", EditPartner).WithName("EditPartner")
            .WithSummary("Corrects every field of a partner (phones, e-mails, addresses with kinds; phones as E.164); duplicates refused with 409 unless allowDuplicates; 409 when changed since the version read.");
        group.MapPut("/{partnerId:guid}/contacts/{contactId:guid}", EditContact).WithName("EditContact")
            .WithSummary("Corrects every field of a contact person, with the same duplicate check and version check as a partner.");
        return api;
    }

    /// <summary>List.</summary>
    public static async Task<Ok<PagedList<PartnerDto>>> ListPartners(
        PartnerService partners, string? search, PartnerKind? kind, PartnerRelations? relation, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var paging = PageRequest.From(page, pageSize);
        var found = await partners.SearchAsync(search, kind, relation, cancellationToken);
        return TypedResults.Ok(paging.Apply(found.Select(PartnerDto.From)));
    }

    /// <summary>Card.</summary>
    public static async Task<Ok<PartnerDetails>> GetPartner(Guid partnerId, PartnerService partners, CancellationToken cancellationToken)
    {
        var partner = await partners.GetAsync(partnerId, cancellationToken);
        return TypedResults.Ok(new PartnerDetails(
            PartnerDto.From(partner),
            [.. (await partners.CounterpartiesAsync(partnerId, cancellationToken)).Select(CounterpartyDto.From)],
            [.. (await partners.ContactsAsync(partnerId, cancellationToken)).Select(ContactDto.From)]));
    }

    /// <summary>Edit.</summary>
    public static async Task<Ok<PartnerDto>> EditPartner(Guid partnerId, EditPartnerRequest request, PartnerService partners, WorkScope work, CancellationToken cancellationToken)
    {
        var check = new Check().Present(request.Version, "version").Required(request.Name, "name", 300).Defined(request.Kind, "kind");
        var channels = Channels(check, request.Phones, request.Emails, request.Addresses);
        check.ThrowIfAny();
        var partner = await partners.EditAsync(partnerId, new EditPartner
        {
            Name = request.Name!, Kind = request.Kind ?? PartnerKind.Company, Relations = request.Relations ?? PartnerRelations.None, HoldingId = request.HoldingId,
            Channels = channels, AllowDuplicates = request.AllowDuplicates, ExpectedVersion = request.Version, EditedBy = work.User.Id,
        }, cancellationToken);
        return TypedResults.Ok(PartnerDto.From(partner));
    }

    /// <summary>Edit a contact.</summary>
    public static async Task<Ok<ContactDto>> EditContact(Guid partnerId, Guid contactId, EditContactRequest request, PartnerService partners, WorkScope work, CancellationToken cancellationToken)
    {
        var check = new Check().Present(request.Version, "version").Required(request.Name, "name").MaxLength(request.Position, "position", 200);
        var channels = Channels(check, request.Phones, request.Emails, request.Addresses);
        check.ThrowIfAny();
        if ((await partners.GetContactAsync(contactId, cancellationToken)).PartnerId != partnerId)
        {
            throw new NotFoundException("contact.not-found", $"Partner {partnerId} has no contact {contactId}.");
        }

        var contact = await partners.EditContactAsync(contactId, new EditContact
        {
            Name = request.Name!, Position = request.Position, Channels = channels, AllowDuplicates = request.AllowDuplicates,
            ExpectedVersion = request.Version, EditedBy = work.User.Id,
        }, cancellationToken);
        return TypedResults.Ok(ContactDto.From(contact));
    }

    /// <summary>Register.</summary>
    public static async Task<Created<PartnerDto>> RegisterPartner(RegisterPartnerRequest request, PartnerService partners, WorkScope work, CancellationToken cancellationToken)
    {
        new Check().Required(request.Name, "name").MaxLength(request.LegalName, "legalName", 200).MaxLength(request.TaxId, "taxId", 50)
            .MaxLength(request.Phone, "phone", 50).MaxLength(request.Email, "email", 200).Email(request.Email, "email").ThrowIfAny();
        var partner = await partners.RegisterAsync(new RegisterPartner
        {
            Name = request.Name!,
            Kind = request.Kind ?? PartnerKind.Company,
            Relations = request.Relations ?? PartnerRelations.Customer,
            HoldingId = request.HoldingId,
            Phone = request.Phone,
            Email = request.Email,
            LegalName = request.LegalName,
            TaxId = request.TaxId,
            AllowDuplicates = request.AllowDuplicates,
            RegisteredBy = work.User.Id,
        }, cancellationToken);
        return TypedResults.Created($"/api/partners/{partner.Id}", PartnerDto.From(partner));
    }

    /// <summary>Duplicate check.</summary>
    public static async Task<Ok<DuplicateCheckResult>> CheckDuplicates(DuplicateCheckRequest request, PartnerService partners, CancellationToken cancellationToken)
    {
        new Check().That(!string.IsNullOrWhiteSpace(request.Name) || !string.IsNullOrWhiteSpace(request.TaxId) || !string.IsNullOrWhiteSpace(request.Phone) || !string.IsNullOrWhiteSpace(request.Email),
            "name", "Give at least one of name, taxId, phone or email.").ThrowIfAny();
        return TypedResults.Ok(await partners.CheckDuplicatesAsync(request.Name, request.TaxId, request.Phone, request.Email, cancellationToken));
    }

    /// <summary>Counterparty.</summary>
    public static async Task<Created<CounterpartyDto>> AddCounterparty(Guid partnerId, AddCounterpartyRequest request, PartnerService partners, CancellationToken cancellationToken)
    {
        new Check().Required(request.LegalName, "legalName").MaxLength(request.TaxId, "taxId", 50).ThrowIfAny();
        var counterparty = await partners.AddCounterpartyAsync(partnerId, request.LegalName!, request.TaxId, request.AllowDuplicates, cancellationToken);
        return TypedResults.Created($"/api/partners/{partnerId}", CounterpartyDto.From(counterparty));
    }

    /// <summary>Contact.</summary>
    public static async Task<Created<ContactDto>> AddContact(Guid partnerId, AddContactRequest request, PartnerService partners, CancellationToken cancellationToken)
    {
        new Check().Required(request.Name, "name").MaxLength(request.Phone, "phone", 50).MaxLength(request.Email, "email", 200).Email(request.Email, "email").MaxLength(request.Position, "position", 200).ThrowIfAny();
        var contact = await partners.AddContactAsync(partnerId, new AddContact
        {
            Name = request.Name!, Phone = request.Phone, Email = request.Email, Position = request.Position, AllowDuplicates = request.AllowDuplicates,
        }, cancellationToken);
        return TypedResults.Created($"/api/partners/{partnerId}", ContactDto.From(contact));
    }

    private static ContactChannels Channels(Check check, IReadOnlyList<PhoneRequest>? phones, IReadOnlyList<EmailRequest>? emails, IReadOnlyList<AddressRequest>? addresses)
    {
        phones ??= [];
        emails ??= [];
        addresses ??= [];
        for (var i = 0; i < phones.Count; i++)
        {
            check.Present(phones[i].Kind, $"phones[{i}].kind").Defined(phones[i].Kind, $"phones[{i}].kind").Required(phones[i].Number, $"phones[{i}].number", 50);
        }

        for (var i = 0; i < emails.Count; i++)
        {
            check.Present(emails[i].Kind, $"emails[{i}].kind").Defined(emails[i].Kind, $"emails[{i}].kind").Required(emails[i].Address, $"emails[{i}].address", 320)
                .Email(emails[i].Address, $"emails[{i}].address");
        }

        for (var i = 0; i < addresses.Count; i++)
        {
            check.Present(addresses[i].Kind, $"addresses[{i}].kind").Defined(addresses[i].Kind, $"addresses[{i}].kind").Required(addresses[i].Text, $"addresses[{i}].text", 1000);
        }

        return new ContactChannels
        {
            Phones = [.. phones.Select(p => new ContactPhone(p.Kind ?? PhoneKind.Work, p.Number ?? ""))],
            Emails = [.. emails.Select(e => new ContactEmail(e.Kind ?? EmailKind.Work, e.Address ?? ""))],
            Addresses = [.. addresses.Select(a => new ContactAddress(a.Kind ?? AddressKind.Other, a.Text ?? ""))],
        };
    }
}
