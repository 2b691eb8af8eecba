using System.Globalization;

namespace CrmBpm.Designer.Tests;

/// <summary>Every word of the Action's panel comes from the resources: in Russian none of the English ones is left.</summary>
public sealed class TheActionPanelSpeaksRussian() : DesignerSpecification(Xml)
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="sale" name="Sale" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="approve" name="Согласовать" crm:performerRole="Sales manager" crm:addressingObject="North" crm:deadline="P3D" crm:reminderBefore="PT4H"
                           crm:requiresAcceptance="true" crm:stage="Offer" crm:outcomeVariable="decision">
              <bpmn:extensionElements>
                <crm:outcome name="Да" />
                <crm:outcome name="Нет" />
                <crm:formField name="amount" label="Сумма" type="number" required="true" />
                <crm:formField name="channel" label="Канал" type="choice"><crm:option value="Почта" /><crm:option value="Звонок" /></crm:formField>
              </bpmn:extensionElements>
              <bpmn:multiInstanceLoopCharacteristics crm:collection="items" crm:elementVariable="item" />
            </bpmn:userTask>
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="approve" />
            <bpmn:sequenceFlow id="f2" sourceRef="approve" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>The English words the Action panel used to show whatever the language.</summary>
    private static readonly string[] FormerEnglish =
    [
        "Task title", "placeholders", "Description", "Deadline", "Due", "No deadline", "A time after the task is created", "Computed by an expression",
        "Duration", "3 days", "Remind before", "Requires acceptance", "takes the task into work", "Deal stage", "the stage this action represents",
        "none", "One task per item", "List variable", "Each task sees", "Collect results", "optional", "Outcomes", "plain Complete",
        "Stored in variable", "Add an outcome", "Remove", "Add", "Form fields", "variables the performer fills", "Variable", "Label", "required",
        "Options", "comma separated", "Text", "Number", "Choice", "Performer", "Addressed to", "nobody yet", "A user", "A role", "shared pool",
        "from an expression", "Role", "Choose a", "Addressing object", "a department", "e.g.",
    ];

    [Fact]
    public void The_action_panel_in_Russian_shows_none_of_the_former_English_words()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ru-RU");
            SelectOnCanvas("approve");

            var panel = Designer.Find(".crm-properties");
            panel.TextContent.ShouldContain("Исполнитель");
            panel.TextContent.ShouldContain("Поля формы");
            var said = string.Join("\n", [
                panel.TextContent,
                .. panel.QuerySelectorAll("[placeholder]").Select(e => e.GetAttribute("placeholder")!),
                .. panel.QuerySelectorAll("[title]").Select(e => e.GetAttribute("title")!),
                .. panel.QuerySelectorAll("[aria-label]").Select(e => e.GetAttribute("aria-label")!),
            ]);
            FormerEnglish.Where(word => said.Contains(word, StringComparison.Ordinal)).ShouldBeEmpty();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
