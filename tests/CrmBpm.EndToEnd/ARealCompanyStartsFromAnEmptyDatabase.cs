using System.Globalization;
using System.Text.RegularExpressions;
using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>
/// Issue 12's "done when", all in the browser on a new, empty database: the first Administrator is set up on /setup,
/// adds a department (Structure) and the performer role Sales manager, and creates a Head and two managers with the performer role Sales manager; each of them chooses
/// their own password at the first sign-in. The Head gives manager Maria an instruction, Maria records an absence with
/// Oleg as her substitute, Oleg finds her task in My tasks marked "for Maria Lind", accepts and completes it, and the
/// history names both of them.
/// </summary>
public sealed class ARealCompanyStartsFromAnEmptyDatabase(EmptyServerFixture server) : IClassFixture<EmptyServerFixture>
{
    private const string Department = "Sales North";
    private const string Pool = "Sales manager";

    [Fact]
    public async Task The_first_administrator_builds_the_team_and_a_substitute_completes_an_absent_managers_task_on_her_behalf()
    {
        // The first Administrator, from the machine itself (the browser runs on the server's loopback address).
        var admin = await NewPageAsync();
        await admin.GotoAsync("setup");
        await admin.GetByLabel("User name").FillAsync("ingrid");
        await admin.GetByLabel("Display name").FillAsync("Ingrid Holm");
        await admin.GetByLabel("Password", new() { Exact = true }).FillAsync("first-admin-2024");
        await admin.GetByLabel("Repeat the password").FillAsync("first-admin-2024");
        await Shot(admin, "company-01-setup");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the Administrator" }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(admin, url => url.EndsWith("/admin/users", StringComparison.Ordinal));
        await ServerFixture.WaitForCircuitAsync(admin);
        (await admin.GetByRole(AriaRole.Table, new() { Name = "Users" }).InnerTextAsync()).ShouldContain("Ingrid Holm");

        // The department, on the Structure page, and the performer role the managers will hold.
        await Nav(admin, "Structure").ClickAsync();
        await ServerFixture.WaitForAddressAsync(admin, url => url.EndsWith("/admin/structure", StringComparison.Ordinal));
        await Heading(admin, "Structure").WaitForAsync();
        await admin.Locator("form.add").GetByLabel("Name", new() { Exact = true }).FillAsync(Department);
        await admin.Locator("form.add").GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Status).GetByText($"{Department} saved.").WaitForAsync();
        await Shot(admin, "company-01b-structure");
        await Nav(admin, "Performer roles").ClickAsync();
        await ServerFixture.WaitForAddressAsync(admin, url => url.EndsWith("/admin/performer-roles", StringComparison.Ordinal));
        await Heading(admin, "Performer roles").WaitForAsync();
        await admin.Locator("form.add").GetByLabel("Name", new() { Exact = true }).FillAsync(Pool);
        await admin.Locator("form.add").GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await admin.GetByRole(AriaRole.Status).GetByText($"Performer role {Pool} created.").WaitForAsync();
        await Shot(admin, "company-01c-performer-roles");

        // The Head and two managers of that department; the managers are in the Sales manager pool.
        await Nav(admin, "Users").ClickAsync();
        await ServerFixture.WaitForAddressAsync(admin, url => url.EndsWith("/admin/users", StringComparison.Ordinal));
        await Heading(admin, "Users").WaitForAsync();
        var hanna = await CreateUserAsync(admin, "hanna", "Hanna Berg", "Head", pool: null);
        var maria = await CreateUserAsync(admin, "maria", "Maria Lind", "Manager", Pool);
        await Shot(admin, "company-02-user-created");
        var oleg = await CreateUserAsync(admin, "oleg", "Oleg Sokolov", "Manager", Pool);
        var users = await admin.GetByRole(AriaRole.Table, new() { Name = "Users" }).InnerTextAsync();
        users.ShouldContain("Hanna Berg");
        users.ShouldContain("Must change password");
        await Shot(admin, "company-03-users");

        // The Head's first sign-in: her own password, then an instruction to Maria.
        var head = await FirstSignInAsync("hanna", hanna, "hanna-own-2024", "company-04-choose-password");
        await Nav(head, "Instructions").ClickAsync();
        await head.GetByRole(AriaRole.Link, new() { Name = "New instruction", Exact = true }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(head, url => url.EndsWith("/instructions/new", StringComparison.Ordinal));
        await head.GetByTestId("title").FillAsync("Call the three biggest customers of the north");
        await head.GetByTestId("performer").SelectOptionAsync("maria");
        await head.GetByRole(AriaRole.Button, new() { Name = "Give the instruction" }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(head, new Regex("/instructions/[0-9a-f-]{36}$"));
        await ServerFixture.WaitForCircuitAsync(head);
        (await head.GetByTestId("instruction-stage").InnerTextAsync()).ShouldBe("In work");

        // Maria's first sign-in: she is away from tomorrow... in fact from an hour ago, Oleg stands in for her.
        var absent = await FirstSignInAsync("maria", maria, "maria-own-2024", null);
        await Nav(absent, "Absences").ClickAsync();
        await absent.GetByTestId("absence-form").WaitForAsync();
        await absent.Locator("#absence-substitute").SelectOptionAsync("oleg");
        await absent.Locator("#absence-from").FillAsync(Minute(DateTime.Now.AddHours(-1)));
        await absent.Locator("#absence-to").FillAsync(Minute(DateTime.Now.AddDays(3)));
        await absent.GetByTestId("record-absence").ClickAsync();
        var absence = absent.GetByTestId("absence-list").Locator("tbody tr").Filter(new() { HasText = "Oleg Sokolov" });
        await absence.WaitForAsync();
        await Shot(absent, "company-05-absence");
        var recorded = await absence.InnerTextAsync();
        recorded.ShouldContain("Maria Lind");
        (await absence.GetAttributeAsync("class") ?? "").ShouldContain("active", customMessage: $"the absence is under way now: {recorded}");

        // Oleg's first sign-in: Maria's task is in his My tasks, marked for her.
        var substitute = await FirstSignInAsync("oleg", oleg, "oleg-own-2024", null);
        await Nav(substitute, "My tasks").ClickAsync();
        var row = substitute.GetByTestId("task-list").Locator("tbody tr").Filter(new() { HasText = "Call the three biggest customers" });
        await row.WaitForAsync();
        (await row.GetByTestId("on-behalf").InnerTextAsync()).ShouldBe("for Maria Lind");
        (await substitute.GetByTestId("substituting").InnerTextAsync()).ShouldContain("Maria Lind");
        await Shot(substitute, "company-06-my-tasks-for-maria");

        await row.Locator("td.title a").ClickAsync();
        await substitute.Locator("h1", new() { HasText = "Call the three biggest customers" }).WaitForAsync();
        var card = substitute.Url;
        await substitute.GetByTestId("accept").ClickAsync();
        await substitute.Locator("#field-report").FillAsync("Called Nordlicht, Polarstern and Fjord Trade.");
        await substitute.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(substitute, url => url.EndsWith("/tasks", StringComparison.Ordinal));
        (await substitute.GetByTestId("task-notice").InnerTextAsync()).ShouldContain("Completed");

        // The history of the task names both: who acted and for whom.
        await substitute.GotoAsync(card);
        await ServerFixture.WaitForCircuitAsync(substitute);
        await substitute.GetByTestId("task-closed").WaitForAsync();
        var history = await substitute.GetByTestId("history").InnerTextAsync();
        history.ShouldContain("Oleg Sokolov on behalf of Maria Lind accepted “Call the three biggest customers of the north”.");
        history.ShouldContain("Oleg Sokolov on behalf of Maria Lind completed “Call the three biggest customers of the north”");
        await Shot(substitute, "company-07-history-on-behalf");

        // The Head, the instruction's author, now has it to verify.
        await head.ReloadAsync();
        await ServerFixture.WaitForCircuitAsync(head);
        (await head.GetByTestId("instruction-stage").InnerTextAsync()).ShouldBe("Awaiting verification");
        await Shot(head, "company-08-instruction-to-verify");

        await Task.WhenAll(admin.Context.CloseAsync(), head.Context.CloseAsync(), absent.Context.CloseAsync(), substitute.Context.CloseAsync());
    }

    /// <summary>Creates a user on the Users page and returns the one-time password the page shows once.</summary>
    private static async Task<string> CreateUserAsync(IPage admin, string userName, string displayName, string role, string? pool)
    {
        var form = admin.Locator("form.add");
        await form.GetByLabel("User name").FillAsync(userName);
        await form.GetByLabel("Name", new() { Exact = true }).FillAsync(displayName);
        await form.GetByLabel(role, new() { Exact = true }).CheckAsync();
        await form.GetByLabel("Department").SelectOptionAsync(Department);
        if (pool is not null)
        {
            await form.GetByRole(AriaRole.Button, new() { Name = "+ Add" }).ClickAsync();
            await form.GetByLabel("Performer role, row 1").SelectOptionAsync(pool);
        }

        await form.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await admin.GetByRole(AriaRole.Status).GetByText($"User {userName} created.").WaitForAsync();
        var row = admin.GetByRole(AriaRole.Table, new() { Name = "Users" }).Locator("tbody tr").Filter(new() { HasText = displayName });
        (await row.InnerTextAsync()).ShouldContain(Department);
        return (await admin.Locator("p.one-time code").InnerTextAsync()).Trim();
    }

    /// <summary>Signs in with the one-time password, is sent to choose their own, and lands signed in on the start page.</summary>
    private async Task<IPage> FirstSignInAsync(string userName, string oneTimePassword, string ownPassword, string? screenshot)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("account/signin");
        await page.FillAsync("input[name=userName]", userName);
        await page.FillAsync("input[name=password]", oneTimePassword);
        await page.ClickAsync("button[type=submit]");
        await ServerFixture.WaitForAddressAsync(page, url => url.Contains("/account/change-password", StringComparison.Ordinal));
        await page.GetByLabel("One-time password").FillAsync(oneTimePassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync(ownPassword);
        await page.GetByLabel("Repeat the new password", new() { Exact = true }).FillAsync(ownPassword);
        if (screenshot is not null)
        {
            await Shot(page, screenshot);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Change and sign in" }).ClickAsync();
        await ServerFixture.WaitForAddressAsync(page, url => !url.Contains("/account/", StringComparison.Ordinal));
        await ServerFixture.WaitForCircuitAsync(page);
        return page;
    }

    private async Task<IPage> NewPageAsync()
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
            Locale = "en-US",
        });
        var page = await context.NewPageAsync();

        // A first sign-in hashes two passwords; on a busy machine that alone has taken over 15 s (see ServerFixture).
        page.SetDefaultTimeout(30_000);
        return page;
    }

    private static ILocator Nav(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = name });

    // The address changes before the new page is drawn; its heading says the form on screen is the new page's.
    private static ILocator Heading(IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1, Exact = true });

    private static string Minute(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static Task Shot(IPage page, string name) => ServerFixture.ScreenshotAsync(page, name);
}
