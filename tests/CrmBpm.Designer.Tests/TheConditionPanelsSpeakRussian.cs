using System.Globalization;
using System.Text.RegularExpressions;
using CrmBpm.Designer.Localization;

namespace CrmBpm.Designer.Tests;

/// <summary>
/// Every word of the Condition, Choice and flow panels and of the condition builder comes from the resources: in Russian
/// none of the English ones is left, and the branch a consultant marks names its flow in Russian.
/// </summary>
public sealed partial class TheConditionPanelsSpeakRussian() : DesignerSpecification(Xml)
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="sale" name="Продажа" isExecutable="true">
            <bpmn:extensionElements>
              <crm:startVariable name="amount" type="number" label="Сумма" required="true" />
              <crm:startVariable name="region" type="text" label="Регион" />
              <crm:startVariable name="urgent" type="boolean" label="Срочно" />
            </bpmn:extensionElements>
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="big" name="Крупная сделка?" crm:kind="condition" crm:expression="amount &gt; 1000 &amp;&amp; urgent === true" default="f_no" />
            <bpmn:exclusiveGateway id="lonely" name="Ещё условие" crm:kind="condition" />
            <bpmn:userTask id="approve" name="Согласовать" />
            <bpmn:exclusiveGateway id="route" name="Регион" crm:kind="choice" default="f_other" />
            <bpmn:exclusiveGateway id="empty" name="Пустой выбор" crm:kind="choice" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="big" />
            <bpmn:sequenceFlow id="f_yes" name="Да" sourceRef="big" targetRef="approve" crm:branch="yes" />
            <bpmn:sequenceFlow id="f_no" name="Нет" sourceRef="big" targetRef="route" crm:branch="no" />
            <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="end" />
            <bpmn:sequenceFlow id="f_north" sourceRef="route" targetRef="end"><bpmn:conditionExpression>region === 'Север'</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f_other" sourceRef="route" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>The English words these panels used to show whatever the language.</summary>
    private static readonly string[] FormerEnglish =
    [
        "Flows", "Draw", "flows", "Yes", "No", "Condition", "true or false", "token", "Builder", "Advanced", "expression", "All of these", "Any of these",
        "Variable", "is", "is not", "contains", "empty", "Remove", "Add a condition", "Cases", "evaluated", "default", "Default", "e.g.",
        "From", "Answer", "Case", "taken", "holds",
    ];

    [Fact]
    public void The_condition_choice_and_flow_panels_in_Russian_show_none_of_the_former_English_words()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
            var said = new List<string>();

            SelectOnCanvas("big");
            Designer.Find(".crm-properties").TextContent.ShouldContain("Переходы");
            Designer.FindAll("[data-part=variable]").Count.ShouldBe(2); // the builder shows the rows
            said.Add(Said());
            Designer.Find("[data-mode=advanced]").Click();
            said.Add(Said());

            SelectOnCanvas("lonely");
            Designer.Find(".crm-properties").TextContent.ShouldContain("Нарисуйте из Условия два перехода");
            if (Designer.FindAll("[data-part=add]").Count == 0)
            {
                Designer.Find("[data-mode=builder]").Click();
            }

            Designer.Find("[data-part=add]").Click();
            Designer.Find("[data-part=variable]").Change("urgent"); // a yes/no variable: its operators and values are words
            said.Add(Said());
            Designer.Find("[data-mode=advanced]").Click();
            Designer.Find("[data-field=condition-expression]").GetAttribute("placeholder").ShouldStartWith("например");
            said.Add(Said());

            foreach (var id in new[] { "route", "empty", "f_yes", "f_north", "f_other" })
            {
                SelectOnCanvas(id);
                said.Add(Said());
            }

            FormerEnglish.Where(word => said.Any(text => Regex.IsMatch(text, $@"\b{Regex.Escape(word)}\b"))).ShouldBeEmpty();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public void A_branch_marked_in_Russian_names_its_flow_in_Russian_and_clearing_it_drops_the_name_in_either_language()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
            SelectOnCanvas("big");
            Designer.Find(".crm-row[data-flow=f_yes] select").Change("no");
            LastUpdateOf("f_yes")["name"].ShouldBe("Нет");
            LastUpdateOf("f_no")["name"].ShouldBe("Да");
            DesignerText.CanvasLabels()["canvas.branch-yes"].ShouldBe("Да"); // the words the canvas labels a newly drawn branch with
            DesignerText.CanvasLabels()["canvas.branch-no"].ShouldBe("Нет");

            SelectOnCanvas("f_yes"); // still named "Да" in the document the test opened
            Designer.Find("[data-field=branch]").Change("");
            LastUpdateOf("f_yes")["crm:branch"].ShouldBeNull();
            LastUpdateOf("f_yes")["name"].ShouldBeNull();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>The panel's text with its placeholders, titles and labels.</summary>
    private string Said()
    {
        var panel = Designer.Find(".crm-properties");
        return string.Join("\n", [
            panel.TextContent,
            .. panel.QuerySelectorAll("[placeholder]").Select(e => e.GetAttribute("placeholder")!),
            .. panel.QuerySelectorAll("[title]").Select(e => e.GetAttribute("title")!),
            .. panel.QuerySelectorAll("[aria-label]").Select(e => e.GetAttribute("aria-label")!),
        ]);
    }
}
