namespace CrmBpm.Crm.Calendar;

/// <summary>A dated exception to the working week: a holiday (New Year, Unity Day) or a day worked although the week says otherwise.</summary>
public sealed record CalendarDay(DateOnly Date, string Name);
