using CrmBpm.Crm.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmBpm.EntityFrameworkCore.Crm.Configurations;

internal sealed class BusinessCalendarConfiguration : IEntityTypeConfiguration<BusinessCalendar>
{
    public void Configure(EntityTypeBuilder<BusinessCalendar> builder)
    {
        builder.MapAggregate(CrmTableNames.BusinessCalendars);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.TimeZoneId).HasMaxLength(100);
        builder.Property(c => c.WorkingDaysText).HasColumnName("working_days").HasMaxLength(100);
        builder.Ignore(c => c.WorkingDays);

        // Holidays and worked days are only read with their calendar.
        builder.Ignore(c => c.Holidays);
        builder.Ignore(c => c.WorkedDays);
        builder.ComplexCollection<List<CalendarDay>, CalendarDay>("_holidays", days => days.ToJson("holidays"));
        builder.ComplexCollection<List<CalendarDay>, CalendarDay>("_workedDays", days => days.ToJson("worked_days"));
    }
}
