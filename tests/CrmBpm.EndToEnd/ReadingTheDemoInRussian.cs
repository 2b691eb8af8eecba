using System.Text.RegularExpressions;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// A Russian manager walks the demo — the Route maps list, My tasks and a task card, a Typical sale's deal card, its process
/// instance — and finds no
/// English word on them except what users typed (deal titles, partners, people's names); switching the language on a
/// page reached by clicking keeps that page.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class ReadingTheDemoInRussian(ServerFixture server)
{
    // What the demo's users typed (and the product's name): shown as written, in any language.
    private static readonly string[] UserData =
    [
        "Nordwind: fleet software for 40 trucks", "Nordwind Logistik", "Romashka: CRM rollout", "Romashka", "Baltic Timber: ERP integration",
        "Baltic Timber: pilot licences", "Acme: warehouse scanners", "Acme: support contract 2024", "Nordwind: annual support renewal",
        "Acme Supplies", "Baltic Timber", "Anna Petrova", "Boris Nowak", "Helga Schmidt", "Carl Jensen", "Administrator", "CrmBpm",
        "The scanners for the Hamburg depot arrived two weeks late.", "Call Jens Becker and apologise", "Find the delay in the warehouse log",
        "Prepare the pipeline review for Nordwind",
    ];

    // The maps the server publishes and the CRM's own.
    private static readonly string[] StandardMaps = ["typical-sale", "customer-onboarding", "kyc-check", "crm-instruction", "crm-claim-handling", "crm-claim-plan-item"];

    // Written in Latin letters in Russian too (the designer names the Ctrl key).
    private static readonly HashSet<string> Acronyms = ["CRM", "BPMN", "Ctrl"];

    [Fact]
    public async Task Route_maps_a_deal_card_and_its_instance_read_in_russian_and_switching_language_keeps_the_page()
    {
        var page = await server.SignInAsync("anna", "manager1", locale: "ru-RU");
        try
        {
            await page.GotoAsync("route-maps");
            await page.GetByTestId("route-maps").WaitForAsync();
            await Assertions.Expect(page.GetByTestId("route-maps")).ToContainTextAsync("Типовая продажа");
            await Assertions.Expect(page.GetByTestId("route-maps")).ToContainTextAsync("используется CRM: поручения");
            await ServerFixture.ScreenshotAsync(page, "ru-route-maps");
            (await EnglishWordsAsync(page)).ShouldBeEmpty("English on the Route maps list");

            await page.GotoAsync("claims");
            await ServerFixture.WaitForCircuitAsync(page);
            await page.Locator("[data-testid=claims] a[href^='claims/']").Last.ClickAsync(); // the demo's, the oldest
            await page.GetByTestId("claim-status").WaitForAsync();
            await ServerFixture.ScreenshotAsync(page, "ru-claim-card");
            (await EnglishWordsAsync(page)).ShouldBeEmpty("English on the claim card");

            await page.GotoAsync("tasks");
            await ServerFixture.WaitForCircuitAsync(page);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Квалифицировать сделку Nordwind: fleet software for 40 trucks");
            await ServerFixture.ScreenshotAsync(page, "ru-my-tasks");
            (await EnglishWordsAsync(page)).ShouldBeEmpty("English on My tasks");
            await page.GetByRole(AriaRole.Link, new() { Name = "Квалифицировать сделку Nordwind: fleet software for 40 trucks" }).First.ClickAsync();
            await ServerFixture.WaitForAddressAsync(page, url => url.Contains("/tasks/", StringComparison.Ordinal));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Квалифицировать сделку Nordwind: fleet software for 40 trucks");
            await ServerFixture.ScreenshotAsync(page, "ru-task-card");
            (await EnglishWordsAsync(page)).ShouldBeEmpty("English on the task card");

            await page.GotoAsync("deals");
            await ServerFixture.WaitForCircuitAsync(page);
            await ServerFixture.ScreenshotAsync(page, "ru-deals");
            (await EnglishWordsAsync(page)).ShouldBeEmpty("English on the deal list");
            await page.GetByRole(AriaRole.Link, new() { Name = "Nordwind: fleet software for 40 trucks" }).ClickAsync();
            await page.GetByTestId("stage-bar").WaitForAsync();
            await Assertions.Expect(page.Locator("[data-testid=stage-bar] [aria-current=step]")).ToHaveTextAsync("Квалификация");
            await Assertions.Expect(page.GetByTestId("deal-tasks")).ToContainTextAsync("Квалифицировать сделку Nordwind: fleet software for 40 trucks");
            await page.Locator("[data-testid=instance-map] .djs-element").First.WaitForAsync();
            await ServerFixture.ScreenshotAsync(page, "ru-deal-card");
            (await EnglishWordsAsync(page)).ShouldBeEmpty("English on the deal card");

            await page.Locator("a[href^='instances/']").First.ClickAsync();
            await ServerFixture.WaitForAddressAsync(page, url => url.Contains("/instances/", StringComparison.Ordinal));
            await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Процесс запущен — Anna Petrova.");
            await ServerFixture.ScreenshotAsync(page, "ru-instance");
            (await EnglishWordsAsync(page)).ShouldBeEmpty("English on the instance page");

            // The page was reached by clicking inside the circuit: the language links follow it.
            var instance = new Uri(page.Url).AbsolutePath;
            await page.GetByRole(AriaRole.Link, new() { Name = "EN", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Anna Petrova started the process.");
            new Uri(page.Url).AbsolutePath.ShouldBe(instance);
            await page.GetByRole(AriaRole.Link, new() { Name = "RU", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("Процесс запущен — Anna Petrova.");
            new Uri(page.Url).AbsolutePath.ShouldBe(instance);
        }
        catch
        {
            await ServerFixture.ScreenshotAsync(page, "ru-failed");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The Latin words of the page's main area and top bar, leaving out user data, keys (<c>code</c>) and the language
    /// links; the drawn map counts too (its labels), but not the diagram library's own credit link.
    /// </summary>
    private static async Task<List<string>> EnglishWordsAsync(IPage page)
    {
        var text = await page.EvaluateAsync<string>(
            """
            standard => {
              const main = document.querySelector('main').cloneNode(true);
              // Maps other tests drew (user data) leave the list; the standard maps stay.
              main.querySelectorAll('[data-testid=route-maps] tbody tr').forEach(row => {
                if (!standard.includes(row.querySelector('code')?.textContent)) row.remove();
              });
              // Tasks and maps other tests made (user data) leave My tasks; the demo deal's tasks and the standard maps stay.
              main.querySelectorAll('[data-testid=task-list] tbody tr').forEach(row => {
                if (!row.textContent.includes('Nordwind: fleet software for 40 trucks')) row.remove();
              });
              main.querySelectorAll('#task-map option').forEach(option => {
                if (option.value && !standard.includes(option.value)) option.remove();
              });
              main.querySelectorAll('code, .bjs-powered-by, .djs-palette, script, style').forEach(e => e.remove());
              const labels = [...document.querySelectorAll('main .djs-element text')].map(t => t.textContent).join(' ');
              return main.innerText + ' ' + labels + ' ' + document.title;
            }
            """, StandardMaps);
        foreach (var data in UserData)
        {
            text = text.Replace(data, " ", StringComparison.Ordinal);
        }

        return [.. LatinWord().Matches(text).Select(m => m.Value).Where(w => !Acronyms.Contains(w)).Distinct()];
    }

    [GeneratedRegex(@"\b[A-Za-z]{2,}\b")]
    private static partial Regex LatinWord();
}
