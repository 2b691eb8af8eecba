using CrmBpm.Crm.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.MapAggregate(CrmTableNames.Notifications);
        builder.Property(n => n.RecipientId).HasMaxLength(200);
        builder.Property(n => n.Kind).StoredByName();
        builder.Property(n => n.SubjectType).HasMaxLength(50);
        builder.Property(n => n.SubjectId).HasMaxLength(200);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);
        builder.Property(n => n.Detail).HasMaxLength(200);
        builder.Ignore(n => n.IsRead);

        // A reader's list and unread count.
        builder.HasIndex(n => new { n.RecipientId, n.ReadAt }).HasDatabaseName("ix_crm_notifications_recipient_read");
    }
}
