using CrmBpm.Crm.Common;
using CrmBpm.Crm.Partners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

/// <summary>
/// How partners and contacts keep every phone, e-mail and address with its kind: one JSON column each (the main phone and
/// e-mail stay columns of their own, indexed for the duplicate check), kinds by name.
/// </summary>
internal static class ContactChannelsMapping
{
    public static EntityTypeBuilder<T> MapContactChannels<T>(this EntityTypeBuilder<T> builder)
        where T : AggregateRoot
    {
        builder.Ignore(nameof(Partner.Phones));
        builder.Ignore(nameof(Partner.Emails));
        builder.Ignore(nameof(Partner.Addresses));
        builder.ComplexCollection<List<ContactPhone>, ContactPhone>("_phones", phones =>
        {
            phones.ToJson("phones");
            phones.Property(x => x.Kind).HasConversion<string>();
        });
        builder.ComplexCollection<List<ContactEmail>, ContactEmail>("_emails", emails =>
        {
            emails.ToJson("emails");
            emails.Property(x => x.Kind).HasConversion<string>();
        });
        builder.ComplexCollection<List<ContactAddress>, ContactAddress>("_addresses", addresses =>
        {
            addresses.ToJson("addresses");
            addresses.Property(x => x.Kind).HasConversion<string>();
        });
        return builder;
    }
}
