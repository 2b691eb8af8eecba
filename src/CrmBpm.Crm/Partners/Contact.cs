using CrmBpm.Crm.Common;

namespace CrmBpm.Crm.Partners;

/// <summary>A person at a partner.</summary>
public sealed class Contact : AggregateRoot
{
    private Contact()
    {
    }

    /// <summary>Creates a contact of <paramref name="partnerId"/>; the phone must already be E.164.</summary>
    public Contact(Guid partnerId, string name, string? phone, string? email, string? position)
    {
        Id = Guid.NewGuid();
        PartnerId = Guard.Id(partnerId, "partnerId", "The partner");
        Name = Guard.Required(name, "name", "A contact name", 200);
        Phone = phone;
        Email = Guard.Email(email, "email");
        Position = Guard.Optional(position, "position", "A position", 200);
    }

    /// <summary>The partner the person works for.</summary>
    public Guid PartnerId { get; private set; }

    /// <summary>Full name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Phone in E.164.</summary>
    public string? Phone { get; private set; }

    /// <summary>E-mail.</summary>
    public string? Email { get; private set; }

    /// <summary>Job title, e.g. "Purchasing manager".</summary>
    public string Position { get; private set; } = "";

    /// <summary>Changes phone (E.164), e-mail and position.</summary>
    public void ChangeDetails(string? phone, string? email, string? position)
    {
        Phone = phone;
        Email = Guard.Email(email, "email");
        Position = Guard.Optional(position, "position", "A position", 200);
    }
}
