using System.Globalization;
using CrmBpm.Server.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Layout;

/// <summary>The language links: one per offered language, the current one marked, each returning to the page it was on.</summary>
public sealed class TheLanguageSwitch : BunitContext
{
    public TheLanguageSwitch() => Services.AddLocalization();

    [Theory]
    [InlineData("en", "EN")]
    [InlineData("ru", "RU")]
    public void Marks_the_current_language_and_links_back_to_the_page(string culture, string current)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Services.GetRequiredService<NavigationManager>().NavigateTo("/deals/42?tab=tasks");
            var links = Render<LanguageSwitch>().FindAll("a");
            links.Select(a => a.TextContent).ShouldBe(["EN", "RU"]);
            links.Single(a => a.ClassList.Contains("current")).TextContent.ShouldBe(current);
            links[1].GetAttribute("href").ShouldBe("culture/ru?returnUrl=%2Fdeals%2F42%3Ftab%3Dtasks");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Follows_the_user_to_the_next_page_so_switching_keeps_where_they_are()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/deals");
        var links = Render<LanguageSwitch>();

        navigation.NavigateTo("/instances/7c9e6679-7425-40de-944b-e07fc1f90ae7?tab=history");

        links.WaitForAssertion(() => links.FindAll("a")[1].GetAttribute("href")
            .ShouldBe("culture/ru?returnUrl=%2Finstances%2F7c9e6679-7425-40de-944b-e07fc1f90ae7%3Ftab%3Dhistory"));
    }
}
