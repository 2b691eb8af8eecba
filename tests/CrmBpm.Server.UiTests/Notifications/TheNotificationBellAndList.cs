using System.Globalization;
using System.Security.Claims;
using CrmBpm.Crm.DependencyInjection;
using CrmBpm.Crm.Notifications;
using CrmBpm.Engine;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.DependencyInjection;
using CrmBpm.Engine.Events;
using CrmBpm.Engine.Runtime;
using CrmBpm.Server.Components.Layout;
using CrmBpm.Server.Components.Pages.Notifications;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Live;
using CrmBpm.Testing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Notifications;

/// <summary>The bell in the top bar and the /notifications list, on the real engine and CRM (in memory), signed in as anna.</summary>
public sealed class TheNotificationBellAndList : BunitContext
{
    static TheNotificationBellAndList() => DefaultWaitTimeout = TimeSpan.FromSeconds(15);

    public TheNotificationBellAndList()
    {
        Services.AddLogging();
        Services.AddLocalization();
        Services.AddCrmBpm(bpm => bpm.UseInMemoryStore().AddCrm(crm => crm.UseInMemoryStore()));
        var anna = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "anna"), new Claim(ClaimTypes.Role, AppRoles.Manager)], "test"));
        Services.AddSingleton<IHttpContextAccessor>(_ => new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = anna } });
        Services.AddScoped<SignedInUser>();
        Services.AddSingleton<NotificationFeed>();
        Services.AddSingleton<IEngineEventHandler>(sp => sp.GetRequiredService<NotificationFeed>());
        Services.AddUserTime();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private NotificationService Notifications => Services.GetRequiredService<NotificationService>();

    private async Task GiveAnnaATaskAsync(string title)
    {
        var key = $"m{Guid.NewGuid():N}";
        await Services.GetRequiredService<IRouteMapService>().DeployAsync(
            new MapBuilder(key, title).Start().Action("do", "anna", a => a with { TitleTemplate = title }).End().Flow("start", "do", "end").Build());
        await Services.GetRequiredService<IProcessEngine>().StartAsync(key, new StartOptions { StartedBy = "hugo" });
    }

    [Fact]
    public async Task It_counts_my_unread_notifications_live_and_clears_when_I_read_them()
    {
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").ShouldBe("Notifications"));
        bell.FindAll("[data-testid=notification-count]").ShouldBeEmpty();

        await GiveAnnaATaskAsync("Call Nordwind");
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count]").TextContent.ShouldBe("1"));
        await GiveAnnaATaskAsync("Send the offer");
        bell.WaitForAssertion(() => bell.Find("[data-testid=notification-count]").TextContent.ShouldBe("2"));
        bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").ShouldBe("Notifications: 2 unread", "what a screen reader says");
        bell.Find("[data-testid=notification-bell]").GetAttribute("href").ShouldBe("notifications");

        await Notifications.MarkAllReadAsync("anna");
        Services.GetRequiredService<NotificationFeed>().Signal();
        bell.WaitForAssertion(() => bell.FindAll("[data-testid=notification-count]").ShouldBeEmpty());
    }

    [Fact]
    public async Task The_list_speaks_the_readers_language_and_opening_a_notification_reads_it_and_goes_to_the_task()
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            await GiveAnnaATaskAsync("Call Nordwind");
            var annas = (await Notifications.ListAsync("anna")).Items.ShouldHaveSingleItem();

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
            var inRussian = Render<NotificationsPage>();
            inRussian.WaitForAssertion(() => inRussian.Find("[data-testid=notification] a").TextContent.ShouldBe("Новая задача для вас: Call Nordwind"));
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            var page = Render<NotificationsPage>();
            page.WaitForAssertion(() => page.Find("[data-testid=notification] a").TextContent.ShouldBe("New task for you: Call Nordwind"));
            page.Find("[data-testid=notification]").ClassList.ShouldContain("unread");

            page.Find("[data-testid=notification] a").Click();

            Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith($"/tasks/{annas.SubjectId}");
            (await Notifications.UnreadCountAsync("anna")).ShouldBe(0);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task A_standard_maps_task_title_reads_in_the_readers_language_and_a_title_someone_wrote_stays()
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            await GiveAnnaATaskAsync("Qualify the deal Nordwind");
            await GiveAnnaATaskAsync("Qualify Nordwind by Friday");

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
            var page = Render<NotificationsPage>();
            page.WaitForAssertion(() => page.FindAll("[data-testid=notification] a").Select(a => a.TextContent).Order().ShouldBe(
                ["Новая задача для вас: Qualify Nordwind by Friday", "Новая задача для вас: Квалифицировать сделку Nordwind"]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public async Task It_unsubscribes_when_it_goes()
    {
        var feed = Services.GetRequiredService<NotificationFeed>();
        var bell = Render<NotificationBell>();
        bell.WaitForAssertion(() => feed.SubscriberCount.ShouldBe(1));

        await DisposeComponentsAsync();

        feed.SubscriberCount.ShouldBe(0);
    }
}
