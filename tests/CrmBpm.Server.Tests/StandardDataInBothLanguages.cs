using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmBpm.Crm.Catalogues;
using CrmBpm.Crm.Claims;
using CrmBpm.Crm.Instructions;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Server.Components.Shared;
using CrmBpm.Server.Deals;
using CrmBpm.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.Tests;

/// <summary>
/// What the demo seeds and users read — stages, reasons, roles, departments, the standard maps and their points — shows in
/// the reader's language while its keys stay; the Typical sale's stages are the sales-stage catalogue; the Route maps list
/// names each map once and says which ones the CRM itself runs.
/// </summary>
public sealed partial class StandardDataInBothLanguages(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task The_typical_sale_moves_deals_through_exactly_the_sales_stage_catalogue()
    {
        using var scope = server.Host.Services.CreateScope();
        var catalogue = await scope.ServiceProvider.GetRequiredService<CatalogueService>().ListAsync(CatalogueKind.SalesStage);
        var map = await scope.ServiceProvider.GetRequiredService<IRouteMapService>().GetLatestPublishedAsync("typical-sale");

        var stages = DealStages.StagesInOrder(map.ShouldNotBeNull());

        stages.Select(CatalogueItem.NormalizeCode).ShouldBe(catalogue.Select(i => i.Code));
        stages.ShouldBe(catalogue.Select(i => i.Name));
    }

    [Fact]
    public void Every_seeded_catalogue_item_has_its_russian_name_under_its_code()
    {
        foreach (var item in DefaultCatalogues.Create())
        {
            var key = $"{item.Kind}.{item.Code}";
            InCulture("en", () => StandardTexts.Catalogue(item.Kind, item.Code, item.Name)).ShouldBe(item.Name, key);
            var russian = InCulture("ru", () => StandardTexts.Catalogue(item.Kind, item.Code, item.Name));
            russian.ShouldNotBe(item.Name, key);
            Cyrillic().IsMatch(russian).ShouldBeTrue(key);
        }
    }

    [Fact]
    public void Every_standard_map_and_point_with_a_name_reads_in_russian_and_the_english_texts_are_the_maps_own()
    {
        var maps = new List<RouteMap> { InstructionRouteMap.Build(), ClaimRouteMaps.BuildHandling(), ClaimRouteMaps.BuildLatePlanItem() };
        foreach (var file in (string[])["typical-sale.bpmn", "customer-onboarding.bpmn"])
        {
            maps.AddRange(new BpmnImporter().ImportXml(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "RouteMaps", file))));
        }

        foreach (var map in maps)
        {
            Cyrillic().IsMatch(InCulture("ru", () => StandardTexts.Map(map.Key, map.Name))).ShouldBeTrue(map.Key);
            foreach (var point in map.Points.Where(p => p.Name.Length > 0))
            {
                Cyrillic().IsMatch(InCulture("ru", () => StandardTexts.Point(map.Key, point.Id, point.Name))).ShouldBeTrue($"{map.Key}/{point.Id} '{point.Name}'");
                InCulture("en", () => StandardTexts.Point(map.Key, point.Id, point.Name)).ShouldBe(point.Name);
            }
        }

        // Every translated text is of a point that exists under that name: a renamed point would silently stay English.
        var english = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "CrmBpm.Server", "Components", "Shared", "StandardTexts.resx")).Root!
            .Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
        foreach (var (key, text) in english.Where(e => e.Key.StartsWith("Point.", StringComparison.Ordinal)))
        {
            var parts = key.Split('.');
            var map = maps.SingleOrDefault(m => m.Key == parts[1]).ShouldNotBeNull(key);
            map.FindPoint(parts[2]).ShouldNotBeNull(key).Name.ShouldBe(text, key);
        }
    }

    [Fact]
    public void A_task_title_from_a_standard_template_is_translated_around_what_the_user_typed()
    {
        InCulture("ru", () => StandardTexts.TaskTitle("typical-sale", "qualification", "Qualify the deal Nordwind: fleet software"))
            .ShouldBe("Квалифицировать сделку Nordwind: fleet software");
        InCulture("ru", () => StandardTexts.TaskTitle("typical-sale", "offer", "Offer")).ShouldBe("Предложение");
        InCulture("ru", () => StandardTexts.TaskTitle("call-back", "call", "Qualify the deal Nordwind")).ShouldBe("Qualify the deal Nordwind");
        InCulture("en", () => StandardTexts.TaskTitle("typical-sale", "qualification", "Qualify the deal Nordwind")).ShouldBe("Qualify the deal Nordwind");
    }

    [Fact]
    public void What_an_administrator_renamed_or_a_user_typed_is_shown_as_stored()
    {
        InCulture("ru", () => StandardTexts.Stage("proposal", "Proposal")).ShouldBe("Коммерческое предложение");
        InCulture("ru", () => StandardTexts.Stage("proposal", "Angebot")).ShouldBe("Angebot");
        InCulture("ru", () => StandardTexts.Stage("product-demo", "Product demo")).ShouldBe("Product demo");
        InCulture("ru", () => StandardTexts.Map("typical-sale", "Our own sale")).ShouldBe("Our own sale");
        InCulture("ru", () => StandardTexts.Pool("Sales manager", "North")).ShouldBe("Менеджер по продажам@Север");
        InCulture("ru", () => StandardTexts.Role("Key account manager")).ShouldBe("Key account manager");
    }

    [Fact]
    public async Task The_route_maps_list_names_each_map_once_and_says_which_the_crm_runs()
    {
        using var carl = await server.SignInWithCookieAsync("carl");
        var html = await carl.GetStringAsync("/route-maps");

        var names = MapNames().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value.Trim())).Where(n => n != "Open").ToList();
        names.ShouldContain("Typical sale");
        names.ShouldContain("Instruction");
        names.ShouldContain("Claim handling");
        names.ShouldBeUnique();
        Row(html, "crm-instruction").ShouldContain("used by the CRM: instructions");
        Row(html, "crm-claim-handling").ShouldContain("used by the CRM: claims");
        Row(html, "typical-sale").ShouldContain("used by the CRM: deals");
        Row(html, "kyc-check").ShouldNotContain("used by the CRM");
    }

    [Fact]
    public async Task A_russian_reader_sees_the_maps_and_a_deal_s_stage_and_tasks_in_russian_and_its_title_as_typed()
    {
        using var anna = await server.SignInWithCookieAsync("anna");
        (await anna.GetAsync("/culture/ru?returnUrl=%2F")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var maps = WebUtility.HtmlDecode(await anna.GetStringAsync("/route-maps"));
        maps.ShouldContain("Типовая продажа");
        maps.ShouldContain("Поручение");
        maps.ShouldContain("используется CRM: претензии");
        maps.ShouldNotContain(">Typical sale<");

        using var api = await server.SignInAsync("anna");
        var deal = (await api.GetOkAsync("/api/deals?pageSize=100")).Items().Single(d => d.Str("title") == "Nordwind: fleet software for 40 trucks");
        var card = WebUtility.HtmlDecode(await anna.GetStringAsync($"/deals/{deal.Id()}"));
        card.ShouldContain("Этап: Квалификация");
        card.ShouldContain("Квалифицировать сделку Nordwind: fleet software for 40 trucks");
        card.ShouldContain("Анализ потребностей");
        card.ShouldContain("Типовая продажа");
        card.ShouldNotContain("Qualify the deal");
        card.ShouldNotContain("Needs analysis");
    }

    private static string Row(string html, string key)
    {
        var at = Regex.Match(html, $"<code[^>]*>{Regex.Escape(key)}</code>").Index;
        at.ShouldBeGreaterThan(0, key);
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..at];
    }

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrmBpm.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CrmBpm.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex(@"<a href=""route-maps/[^""?]+""[^>]*>([^<]+)</a>")]
    private static partial Regex MapNames();
}
