using System.Globalization;
using System.Security.Claims;
using CrmBpm.Server.Hosting;
using CrmBpm.Server.Identity;
using Microsoft.AspNetCore.Http;

namespace CrmBpm.Server.UiTests.Identity;

/// <summary>The time zone and language on a user's profile are what the pages use: moments shown and typed in that zone, texts in that language.</summary>
public sealed class TheUsersOwnTimeAndLanguage
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static UserTime TimeOf(params Claim[] claims)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
        return new UserTime(new SignedInUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } }), new FixedClock(Noon));
    }

    [Fact]
    public void Moments_are_shown_in_the_time_zone_of_the_profile()
    {
        var time = TimeOf(new Claim(CrmBpmClaims.TimeZone, "Asia/Tokyo"));

        time.ToUser(Noon).Hour.ShouldBe(21);
        time.Moment(Noon).ShouldBe(new DateTime(2026, 12, 7, 21, 0, 0).ToString("g", CultureInfo.CurrentCulture));
    }

    [Fact]
    public void What_the_user_types_means_that_time_in_their_zone()
    {
        var time = TimeOf(new Claim(CrmBpmClaims.TimeZone, "Europe/Moscow"));

        time.FromUser(new DateTime(2026, 12, 8, 9, 0, 0)).ShouldBe(new DateTimeOffset(2026, 12, 8, 6, 0, 0, TimeSpan.Zero));
        time.Today.ShouldBe(new DateTime(2026, 12, 7));
    }

    [Fact]
    public void Without_a_zone_or_with_one_this_machine_does_not_know_the_servers_zone_is_used()
    {
        TimeOf().Zone.ShouldBe(TimeZoneInfo.Utc);
        TimeOf(new Claim(CrmBpmClaims.TimeZone, "Mars/Olympus_Mons")).Zone.ShouldBe(TimeZoneInfo.Utc);
    }

    [Theory]
    [InlineData("ru", "ru")]
    [InlineData("en", "en")]
    [InlineData("de", null)]
    [InlineData(null, null)]
    public async Task The_profiles_language_chooses_the_culture_when_it_is_one_the_ui_has(string? language, string? expected)
    {
        var claims = language is null ? Array.Empty<Claim>() : [new Claim(CrmBpmClaims.Language, language)];
        var context = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity(claims, "test")) };

        var result = await new UserLanguageCultureProvider().DetermineProviderCultureResult(context);

        result?.Cultures.Single().Value.ShouldBe(expected);
        (result is null).ShouldBe(expected is null);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override DateTimeOffset GetUtcNow() => now;
    }
}
