using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CrmBpm.EntityFrameworkCore.Configurations;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as its UTC ticks. SQLite cannot order or compare <see cref="DateTimeOffset"/>
/// in SQL, PostgreSQL keeps only microseconds; a 64-bit integer sorts and compares the same on both and round-trips exactly.
/// Values come back in UTC.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero))
{
    public static long ToTicks(DateTimeOffset value) => value.UtcTicks;
}
