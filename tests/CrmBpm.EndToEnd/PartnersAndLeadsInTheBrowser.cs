using System.Text.RegularExpressions;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// A manager registers partners and leads in the browser: the phone normalised by the CRM, the duplicate warning naming
/// the existing partner, the CRM's message at a bad phone field, and a lead converted by its first deal.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed partial class PartnersAndLeadsInTheBrowser(ServerFixture server)
{
    [Fact]
    public async Task A_partner_registered_with_a_local_phone_shows_it_in_international_form_and_is_found_by_tax_id()
    {
        var (name, localPhone, e164, taxId) = NewPartner();
        var page = await server.SignInAsync("anna", "manager1");
        await OpenAsync(page, "partners");
        await page.Locator("[data-testid=partners]").WaitForAsync();
        await ServerFixture.ScreenshotAsync(page, "partners-list");

        await page.GetByRole(AriaRole.Link, new() { Name = "Register partner" }).ClickAsync();
        await page.Locator("#partner-name").FillAsync(name);
        await page.Locator("#partner-phone").FillAsync(localPhone);
        await page.Locator("#partner-email").FillAsync($"office@{name.Replace(' ', '-').ToLowerInvariant()}.example");
        await page.Locator("#partner-tax-id").FillAsync(taxId);
        await ServerFixture.ScreenshotAsync(page, "partners-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        await page.Locator("h1").GetByText(name).WaitForAsync();
        (await page.Locator("[data-testid=partner-phone]").InnerTextAsync()).ShouldBe(e164);
        (await page.Locator("[data-testid=counterparties]").InnerTextAsync()).ShouldContain(taxId);
        (await page.GetByRole(AriaRole.Navigation, new() { Name = "Actions" }).GetByRole(AriaRole.Link, new() { Name = "New deal" }).GetAttributeAsync("href")).ShouldStartWith("deals/new?partnerId=");
        await ServerFixture.ScreenshotAsync(page, "partners-card");

        await OpenAsync(page, $"partners?search={taxId}");
        var rows = page.Locator("[data-testid=partners] tbody tr");
        await rows.GetByText(name).WaitForAsync();
        (await rows.CountAsync()).ShouldBe(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_second_partner_with_the_same_tax_id_is_warned_about_the_first_and_can_open_it()
    {
        var (first, _, _, taxId) = NewPartner();
        var page = await server.SignInAsync("anna", "manager1");
        await RegisterAsync(page, first, taxId);
        var firstCard = page.Url;

        var second = first + " Zwei";
        await OpenAsync(page, "partners/new");
        await page.Locator("#partner-name").FillAsync(second);
        await page.Locator("#partner-tax-id").FillAsync(taxId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        var warning = page.Locator("[data-testid=duplicate-warning]");
        await warning.WaitForAsync();
        (await warning.InnerTextAsync()).ShouldContain($"has the same tax id {taxId}");
        (await page.Locator("#partner-name").InputValueAsync()).ShouldBe(second);
        await ServerFixture.ScreenshotAsync(page, "partners-duplicate-warning");

        await warning.GetByRole(AriaRole.Link, new() { Name = first, Exact = true }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(page, url => url == firstCard);
        await page.Locator("h1").GetByText(first, new() { Exact = true }).WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_bad_phone_number_shows_the_crms_message_at_the_phone_field()
    {
        var page = await server.SignInAsync("anna", "manager1", 390, 844);
        await OpenAsync(page, "partners/new");
        await page.Locator("#partner-name").FillAsync("Bad Phone " + Guid.NewGuid().ToString("N")[..6]);
        await page.Locator("#partner-phone").FillAsync("030 12ab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        var problem = page.Locator("#partner-phone-problem");
        await problem.GetByText("contains 'a'", new() { Exact = false }).WaitForAsync();
        (await page.Locator("#partner-phone").GetAttributeAsync("aria-invalid")).ShouldBe("true");
        page.Url.ShouldEndWith("/partners/new");
        await ServerFixture.ScreenshotAsync(page, "partners-new-bad-phone-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_lead_is_registered_and_its_first_deal_converts_it_into_a_partner()
    {
        var (company, localPhone, e164, _) = NewPartner();
        var page = await server.SignInAsync("anna", "manager1");
        await OpenAsync(page, "leads");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register lead" }).ClickAsync();
        await page.Locator("#lead-company").FillAsync(company);
        await page.Locator("#lead-contact").FillAsync("Mara Lenz");
        await page.Locator("#lead-phone").FillAsync(localPhone);
        await page.Locator("#lead-demand").FillAsync("Fleet telematics for 40 trucks");
        await ServerFixture.ScreenshotAsync(page, "leads-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        await page.Locator("h1").GetByText(company).WaitForAsync();
        (await page.Locator("[data-testid=lead-phone]").InnerTextAsync()).ShouldBe(e164);
        await ServerFixture.ScreenshotAsync(page, "leads-card-open");

        await page.Locator("#deal-title").FillAsync($"Telematics for {company}");
        await page.Locator("#deal-amount").FillAsync("12000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create first deal" }).ClickAsync();

        var result = page.Locator("[data-testid=conversion-result]");
        await result.WaitForAsync();
        (await page.Locator("[data-testid=lead-status]").InnerTextAsync()).ShouldBe("Converted");
        (await result.GetByRole(AriaRole.Link, new() { Name = $"Telematics for {company}" }).GetAttributeAsync("href")).ShouldStartWith("deals/");
        await ServerFixture.ScreenshotAsync(page, "leads-card-converted");

        await result.GetByRole(AriaRole.Link, new() { Name = company, Exact = true }).ClickAsync();
        await page.Locator("h1").GetByText(company).WaitForAsync();
        (await page.Locator("[data-testid=partner-deals]").InnerTextAsync()).ShouldContain($"Telematics for {company}");
        (await page.Locator("[data-testid=contacts]").InnerTextAsync()).ShouldContain("Mara Lenz");

        await OpenAsync(page, $"leads?status=Converted&search={Uri.EscapeDataString(company)}");
        await page.Locator("[data-testid=leads]").GetByText(company).WaitForAsync();
        await ServerFixture.ScreenshotAsync(page, "leads-list");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_pages_fit_a_phone()
    {
        var (name, localPhone, _, taxId) = NewPartner();
        var page = await server.SignInAsync("anna", "manager1", 390, 844);
        await RegisterAsync(page, name, taxId, localPhone);
        await ServerFixture.ScreenshotAsync(page, "partners-card-phone");
        (await WiderThanTheScreenAsync(page)).ShouldBeFalse();

        foreach (var (address, shot) in new[] { ("partners", "partners-list-phone"), ("partners/new", "partners-new-phone"), ("leads", "leads-list-phone"), ("leads/new", "leads-new-phone") })
        {
            await OpenAsync(page, address);
            await ServerFixture.ScreenshotAsync(page, shot);
            (await WiderThanTheScreenAsync(page)).ShouldBeFalse(address);
        }

        await page.Context.CloseAsync();
    }

    private static async Task RegisterAsync(IPage page, string name, string taxId, string? phone = null)
    {
        await OpenAsync(page, "partners/new");
        await page.Locator("#partner-name").FillAsync(name);
        if (phone is not null)
        {
            await page.Locator("#partner-phone").FillAsync(phone);
        }

        await page.Locator("#partner-tax-id").FillAsync(taxId);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(page, PartnerCardAddress());
        await page.Locator("h1").GetByText(name).WaitForAsync();
    }

    // Opens a page and waits until its forms take input (they are disabled while the page is only prerendered).
    private static async Task OpenAsync(IPage page, string address)
    {
        await page.GotoAsync(address);
        await ServerFixture.WaitForCircuitAsync(page);
        await page.WaitForFunctionAsync("() => !document.querySelector('fieldset.live[disabled]')");
    }

    private static Task<bool> WiderThanTheScreenAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

    // Unique per test run: other browser tests share the database, and the duplicate check compares name, tax id and phone.
    private static (string Name, string LocalPhone, string E164, string TaxId) NewPartner()
    {
        var digits = string.Concat(Guid.NewGuid().ToByteArray().Take(7).Select(b => (b % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var tag = Guid.NewGuid().ToString("N")[..6];
        return ($"Spedition {tag}", $"030 {digits}", $"+4930{digits}", $"DE{digits}{tag[..2].ToUpperInvariant()}");
    }

    [GeneratedRegex(@"/partners/[0-9a-f-]{36}$")]
    private static partial Regex PartnerCardAddress();
}
