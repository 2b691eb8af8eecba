using CrmBpm.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace CrmBpm.EndToEnd;

/// <summary>The real server in a real browser: sign-in with the demo logins, navigation by role, the language switch.</summary>
[Collection(ServerCollection.Name)]
public sealed class SigningInToTheServer(ServerFixture server)
{
    [Fact]
    public async Task A_manager_signs_in_sees_the_work_navigation_and_switches_to_russian()
    {
        var page = await server.SignInAsync("anna", "manager1");
        await page.Locator("h1").GetByText("Hello, Anna Petrova").WaitForAsync();
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        (await nav.GetByRole(AriaRole.Link, new() { Name = "My tasks" }).IsVisibleAsync()).ShouldBeTrue();
        (await nav.GetByRole(AriaRole.Link, new() { Name = "Route maps" }).CountAsync()).ShouldBe(0);
        await ServerFixture.ScreenshotAsync(page, "server-home-manager");

        await page.GetByRole(AriaRole.Link, new() { Name = "RU", Exact = true }).ClickAsync();
        await page.Locator("h1").GetByText("Здравствуйте, Anna Petrova").WaitForAsync();
        await ServerFixture.WaitForCircuitAsync(page);
        (await page.GetByRole(AriaRole.Navigation, new() { Name = "Основная навигация" }).GetByRole(AriaRole.Link, new() { Name = "Мои задачи" }).IsVisibleAsync()).ShouldBeTrue();
        await ServerFixture.ScreenshotAsync(page, "server-home-manager-ru");
        await page.Context.CloseAsync();
    }
}
