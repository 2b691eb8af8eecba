using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tasks;
using CrmBpm.Server.Components.Pages.Tasks;

namespace CrmBpm.Server.UiTests.Shared;

/// <summary>
/// A process's history reads as what happened, in the past tense, with people by display name: in English "Anna Petrova
/// completed …"; in Russian, which would need the person's gender for a past-tense verb, the event first and the person
/// after a dash ("Задача «…» выполнена — Анна Петрова"). A standard map's task titles are in the reader's language too.
/// </summary>
public sealed class HistoryInThePastTense : BunitContext
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly Guid InstanceId = Guid.NewGuid();
    private static readonly Guid TaskId = Guid.NewGuid();

    public HistoryInThePastTense()
    {
        Services.AddLocalization();
        Services.AddUserTime();
    }

    [Fact]
    public void In_english_people_did_things()
    {
        var lines = Lines("en");

        lines.ShouldBe(
        [
            "Anna Petrova started the process.",
            "The process reached “Qualification”.",
            "Task “Qualify the deal Nordwind” was created for pool Sales manager.",
            "Anna Petrova accepted “Qualify the deal Nordwind”.",
            "Anna Petrova redirected “Qualify the deal Nordwind” to Boris Nowak. Comment: on holiday",
            "Boris Nowak completed “Qualify the deal Nordwind”.",
            "The process completed: Won.",
        ]);
    }

    [Fact]
    public void In_russian_the_event_comes_first_and_the_person_after_a_dash_so_no_verb_needs_a_gender()
    {
        var lines = Lines("ru");

        lines.ShouldBe(
        [
            "Процесс запущен — Анна Петрова.",
            "Процесс перешёл к точке «Квалификация».",
            "Создана задача «Квалифицировать сделку Nordwind» для: пул «Менеджер по продажам».",
            "Задача «Квалифицировать сделку Nordwind» принята к исполнению — Анна Петрова.",
            "Задача «Квалифицировать сделку Nordwind» передана исполнителю Борис Новак — Анна Петрова. Комментарий: on holiday",
            "Задача «Квалифицировать сделку Nordwind» выполнена — Борис Новак.",
            "Процесс завершён: Won.",
        ]);
    }

    private List<string> Lines(string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            // Display names are user data: shown as the users wrote them, in whichever script.
            var names = culture == "ru"
                ? new Dictionary<string, string> { ["anna"] = "Анна Петрова", ["boris"] = "Борис Новак" }
                : new Dictionary<string, string> { ["anna"] = "Anna Petrova", ["boris"] = "Boris Nowak" };

            var history = Render<TaskHistory>(p => p
                .Add(c => c.Entries, Entries())
                .Add(c => c.Tasks, [Task()])
                .Add(c => c.Map, Map())
                .Add(c => c.Names, names));
            return [.. history.FindAll("li .what").Select(l => l.TextContent)];
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static List<HistoryEntry> Entries() =>
    [
        Entry(1, HistoryKind.InstanceStarted, actor: "anna", point: "start"),
        Entry(2, HistoryKind.TokenMoved, point: "qualification"),
        Entry(3, HistoryKind.TaskCreated, point: "qualification", task: TaskId),
        Entry(4, HistoryKind.TaskAccepted, actor: "anna", point: "qualification", task: TaskId),
        Entry(5, HistoryKind.TaskRedirected, actor: "anna", point: "qualification", task: TaskId, details: "to boris: on holiday"),
        Entry(6, HistoryKind.TaskCompleted, actor: "boris", point: "qualification", task: TaskId),
        Entry(7, HistoryKind.InstanceCompleted, details: "Won"),
    ];

    private static HistoryEntry Entry(long sequence, HistoryKind kind, string? actor = null, string? point = null, Guid? task = null, string? details = null) => new()
    {
        InstanceId = InstanceId, Sequence = sequence, At = Start.AddMinutes(sequence), Kind = kind, Actor = actor, PointId = point, TaskId = task, Details = details,
    };

    private static WorkTask Task() => new()
    {
        Id = TaskId, InstanceId = InstanceId, RootInstanceId = InstanceId, MapKey = "typical-sale", MapVersion = 1, PointId = "qualification",
        TokenId = Guid.NewGuid(), Title = "Qualify the deal Nordwind", PerformerRole = "Sales manager", CreatedAt = Start,
    };

    private static RouteMap Map() => new()
    {
        Key = "typical-sale",
        Name = "Typical sale",
        Points = [new StartPoint { Id = "start", Name = "Deal opened" }, new ActionPoint { Id = "qualification", Name = "Qualification" }],
    };
}
