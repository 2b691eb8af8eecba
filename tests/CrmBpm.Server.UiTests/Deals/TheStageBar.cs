using System.Globalization;
using CrmBpm.Crm.Deals;
using CrmBpm.Server.Components.Pages.Deals;
using CrmBpm.Server.Deals;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBpm.Server.UiTests.Deals;

/// <summary>
/// The deal's stage bar: a manual-stage deal's other stages are buttons that move it; a process-controlled deal's
/// buttons ask the CRM, whose refusal (current stage, task to complete) is shown with a link to the task; a non-process
/// deal has no stages, only In work / Won / Lost.
/// </summary>
public sealed class TheStageBar : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly StageOption[] SalesStages =
        [new("qualification", "Qualification"), new("needs-analysis", "Needs analysis"), new("proposal", "Proposal"), new("negotiation", "Negotiation")];

    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public TheStageBar()
    {
        Services.AddLocalization();
        Services.AddUserTime();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    [Fact]
    public void Offers_every_other_stage_of_a_manual_deal_and_reports_the_chosen_one()
    {
        var deal = Open(DealKind.ManualStages);
        deal.ChangeStage("needs-analysis", "Needs analysis", "anna", Now);
        StageOption? chosen = null;

        var bar = Render<StageBar>(p => p
            .Add(b => b.Deal, deal)
            .Add(b => b.Stages, SalesStages)
            .Add(b => b.OnChange, EventCallback.Factory.Create<StageOption>(this, stage => chosen = stage)));

        var buttons = bar.FindAll("[data-testid=stage-bar] button");
        buttons.Select(b => b.TextContent.Trim()).ShouldBe(["Qualification", "Needs analysis", "Proposal", "Negotiation"]);
        buttons.Where(b => b.HasAttribute("disabled")).Select(b => b.TextContent.Trim()).ShouldBe(["Needs analysis"]);
        bar.Find("[aria-current=step]").TextContent.Trim().ShouldBe("Needs analysis");

        bar.FindAll("[data-testid=stage-bar] button")[3].Click();
        chosen.ShouldBe(SalesStages[3]);
        bar.FindAll("[data-testid=stage-bar] button")[0].Click();
        chosen.ShouldBe(SalesStages[0]);
        bar.FindAll("[data-testid=process-refusal]").ShouldBeEmpty();
    }

    [Fact]
    public void Shows_the_refusal_of_a_process_controlled_deal_naming_its_stage_and_linking_the_task()
    {
        var deal = Open(DealKind.ProcessControlled);
        var instanceId = Guid.NewGuid();
        deal.AttachProcess(instanceId, "typical-sale").ShouldBeTrue();
        deal.FollowProcess(instanceId, "qualification", "Qualification", Now).ShouldBeTrue();
        var task = new BlockingTask(Guid.NewGuid(), "Qualify the deal Fleet software", "anna", "Sales manager", null);

        // The same call the card makes: the aggregate guards the stage and refuses.
        var bar = Render<StageBar>(p => p
            .Add(b => b.Deal, deal)
            .Add(b => b.Stages, SalesStages)
            .Add(b => b.OnChange, EventCallback.Factory.Create<StageOption>(this, stage => deal.ChangeStage(stage.Code, stage.Name, "anna", Now, [task]))));
        bar.FindAll("[data-testid=stage-bar] button")[2].Click();

        var refusal = bar.Find("[data-testid=process-refusal]");
        refusal.TextContent.ShouldContain("This deal follows its process and is at stage 'Qualification'");
        refusal.TextContent.ShouldContain("Complete a task of the process to move it on.");
        refusal.TextContent.ShouldContain("held by anna");
        var link = bar.Find("[data-testid=refusal-task]");
        link.GetAttribute("href").ShouldBe($"tasks/{task.TaskId}");
        link.TextContent.ShouldBe("Qualify the deal Fleet software");
        deal.Stage.ShouldBe("qualification");
    }

    [Fact]
    public void In_russian_the_stages_the_refusal_and_the_standard_task_title_read_in_russian_and_the_deal_s_title_as_typed()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
        var deal = Open(DealKind.ProcessControlled);
        var instanceId = Guid.NewGuid();
        deal.AttachProcess(instanceId, "typical-sale").ShouldBeTrue();
        deal.FollowProcess(instanceId, "qualification", "Qualification", Now).ShouldBeTrue();
        var task = new BlockingTask(Guid.NewGuid(), "Qualify the deal Fleet software", null, "Sales manager", null);
        var bar = Render<StageBar>(p => p
            .Add(b => b.Deal, deal)
            .Add(b => b.Stages, SalesStages)
            .Add(b => b.OnChange, EventCallback.Factory.Create<StageOption>(this, stage => deal.ChangeStage(stage.Code, stage.Name, "anna", Now, [task]))));

        bar.FindAll("[data-testid=stage-bar] button").Select(b => b.TextContent.Trim())
            .ShouldBe(["Квалификация", "Анализ потребностей", "Коммерческое предложение", "Переговоры"]);
        bar.FindAll("[data-testid=stage-bar] button")[2].Click();

        var refusal = bar.Find("[data-testid=process-refusal]");
        refusal.TextContent.ShouldContain("Сделка идёт по процессу и находится на этапе «Квалификация»");
        refusal.TextContent.ShouldContain("в пуле «Менеджер по продажам»");
        bar.Find("[data-testid=refusal-task]").TextContent.ShouldBe("Квалифицировать сделку Fleet software");
    }

    [Fact]
    public void Shows_a_non_process_deal_only_in_work_won_or_lost_without_any_stage_button()
    {
        var deal = Open(DealKind.NonProcess);
        deal.Win("anna", Now);

        var bar = Render<StageBar>(p => p.Add(b => b.Deal, deal).Add(b => b.Stages, SalesStages));

        bar.FindAll("button").ShouldBeEmpty();
        bar.FindAll("[data-testid=stage-bar] li").Select(li => li.TextContent.Trim()).ShouldBe(["In work", "Won", "Lost"]);
        bar.Find("[aria-current=step]").TextContent.Trim().ShouldBe("Won");
    }

    [Fact]
    public void Offers_no_stage_change_once_the_deal_is_finished()
    {
        var deal = Open(DealKind.ManualStages);
        deal.ChangeStage("proposal", "Proposal", "anna", Now);
        deal.Win("anna", Now);

        var bar = Render<StageBar>(p => p.Add(b => b.Deal, deal).Add(b => b.Stages, SalesStages));

        bar.FindAll("[data-testid=stage-bar] button").ShouldAllBe(b => b.HasAttribute("disabled"));
        bar.Markup.ShouldContain("no longer changes");
    }

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentUICulture = _culture;
        base.Dispose(disposing);
    }

    private static Deal Open(DealKind kind) => new(
        new DealDetails { Title = "Fleet software" }, Guid.NewGuid(), null, "anna", kind, kind == DealKind.ProcessControlled ? "typical-sale" : null, null, "anna", Now);
}
