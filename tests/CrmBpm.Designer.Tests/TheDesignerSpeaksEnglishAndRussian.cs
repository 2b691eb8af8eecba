using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmBpm.Designer.Localization;
using CrmBpm.Designer.Model;
using CrmBpm.Designer.PropertiesPanel;
using CrmBpm.Engine.Definitions;

namespace CrmBpm.Designer.Tests;

/// <summary>The designer's words: one resource file per language with the same keys, and every key the code asks for present.</summary>
public sealed partial class TheDesignerSpeaksEnglishAndRussian
{
    private static readonly string DesignerFolder = Path.Combine(RepositoryRoot(), "designer", "CrmBpm.Designer");

    [Fact]
    public void The_English_and_Russian_resources_hold_the_same_keys_none_of_them_empty()
    {
        var english = Read("DesignerText.resx");
        var russian = Read("DesignerText.ru.resx");

        russian.Keys.Order(StringComparer.Ordinal).ShouldBe(english.Keys.Order(StringComparer.Ordinal));
        english.Where(e => string.IsNullOrWhiteSpace(e.Value)).ShouldBeEmpty();
        russian.Where(e => string.IsNullOrWhiteSpace(e.Value)).ShouldBeEmpty();
    }

    [Fact]
    public void Every_kind_name_is_translated_not_copied()
    {
        var english = Read("DesignerText.resx");
        var russian = Read("DesignerText.ru.resx");

        english.Keys.Where(k => k.StartsWith("kind.", StringComparison.Ordinal) && english[k] == russian[k]).ShouldBeEmpty();
    }

    [Fact]
    public void Every_key_the_designer_asks_for_is_in_the_resources()
    {
        var english = Read("DesignerText.resx");
        var asked = Directory.EnumerateFiles(DesignerFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        asked.ShouldNotBeEmpty();
        asked.Where(k => !english.ContainsKey(k)).ShouldBeEmpty();
    }

    [Fact]
    public void Russian_counts_take_the_plural_form_the_number_needs()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
            new[] { 1, 3, 5, 11, 21, 22 }.Select(n => DesignerText.Count(n, "designer.problems"))
                .ShouldBe(["1 проблема", "3 проблемы", "5 проблем", "11 проблем", "21 проблема", "22 проблемы"]);
            DesignerText.CanvasLabels()["kind.message-wait"].ShouldBe("Ждать сообщение");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("ru-RU", "Старт", "Новая карта маршрута")]
    [InlineData("en-US", "Start", "New route map")]
    public void A_new_map_names_its_Start_point_in_the_language_it_is_made_in(string culture, string start, string map)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var blank = XDocument.Parse(RouteMapTemplates.Blank("deal"));
            var process = blank.Descendants().Single(e => e.Name.LocalName == "process");
            process.Attribute("name")!.Value.ShouldBe(map);
            process.Elements().Single(e => e.Name.LocalName == "startEvent").Attribute("name")!.Value.ShouldBe(start);
            XDocument.Parse(RouteMapTemplates.Blank("deal", "Сделка")).Descendants().Single(e => e.Name.LocalName == "process").Attribute("name")!.Value.ShouldBe("Сделка");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Times_read_in_Russian_words_with_their_plural_forms()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
            TimeInWords.Timer(TimerDefinitionKind.Duration, "P3DT5H").ShouldBe("через 3 дня 5 часов");
            TimeInWords.Timer(TimerDefinitionKind.Duration, "P21D").ShouldBe("через 21 день");
            TimeInWords.Timer(TimerDefinitionKind.Duration, "PT1M").ShouldBe("через 1 минуту");
            TimeInWords.Timer(TimerDefinitionKind.Cycle, "R3/PT1H").ShouldBe("3 раза с интервалом в 1 час");
            TimeInWords.Timer(TimerDefinitionKind.Date, "2026-12-24T09:00:00Z")!.ShouldStartWith("24 дек");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Unnamed_points_and_escalation_steps_are_told_in_Russian()
    {
        var document = Model.DesignerDocument.Parse("""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="p">
                <bpmn:userTask id="qualify" name="Квалификация" />
                <bpmn:exclusiveGateway id="Gateway_0z8hxle" crm:kind="condition" />
                <bpmn:sequenceFlow id="f1" sourceRef="qualify" targetRef="Gateway_0z8hxle" />
              </bpmn:process>
            </bpmn:definitions>
            """);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru");
            Validation.ProblemWording.ForConsultant("Condition 'Gateway_0z8hxle' has no expression.", document)
                .ShouldBe("Условие без названия после «Квалификация» has no expression.");
            PropertiesPanel.EscalationStepEditor.Reading(new Model.DesignerEscalationStep("s", Engine.Definitions.EscalationStepKind.RemindPerformer, "remind-performer", "PT4H", null), [])
                .ShouldBe("Напоминает исполнителю за 4 часа до срока.");
            PropertiesPanel.EscalationStepEditor.Reading(new Model.DesignerEscalationStep("s", Engine.Definitions.EscalationStepKind.DefaultOutcome, "default-outcome", "P2D", "Отказ"), ["Отказ"])
                .ShouldBe("Завершает задачу с исходом «Отказ» от имени системы через 2 дня после срока; задача закрывается.");
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(DesignerFolder, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CrmBpm.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("CrmBpm.sln not found above the test output.");
    }

    // L("kind.start"), L("end.how", …): literal keys; keys built at run time (timer.value-…) are covered by the panel tests.
    [GeneratedRegex("""\bL\("([a-z0-9.-]+[a-z0-9])"[,)]""")]
    private static partial Regex LiteralKey();
}
