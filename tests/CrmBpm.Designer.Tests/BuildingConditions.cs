using CrmBpm.Designer.PropertiesPanel;

namespace CrmBpm.Designer.Tests;

/// <summary>
/// Issue #15: a condition is built as rows "variable ▸ operator ▸ value" over the variables the map knows, written as
/// JavaScript and read back; anything else opens as text in the advanced mode.
/// </summary>
public sealed class BuildingConditions : DesignerSpecification
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="sale" name="Sale" isExecutable="true">
            <bpmn:extensionElements>
              <crm:startVariable name="amount" type="number" label="Amount" />
            </bpmn:extensionElements>
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="check" name="Check" crm:performerRole="Sales manager">
              <bpmn:extensionElements>
                <crm:outcome name="Accept" /><crm:outcome name="Reject" />
                <crm:formField name="reached" label="Target reached" type="boolean" />
                <crm:formField name="note" label="Note" type="text" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:exclusiveGateway id="empty" name="Fresh?" crm:kind="condition" default="f_no" />
            <bpmn:exclusiveGateway id="written" name="Written?" crm:kind="condition" crm:expression="amount &gt;= 1000 || reached === true" default="f_no2" />
            <bpmn:exclusiveGateway id="raw" name="Raw?" crm:kind="condition" crm:expression="Math.max(amount, 5) &gt; 10" default="f_no3" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="check" />
            <bpmn:sequenceFlow id="f2" sourceRef="check" targetRef="empty" />
            <bpmn:sequenceFlow id="f_yes" sourceRef="empty" targetRef="written" crm:branch="yes" />
            <bpmn:sequenceFlow id="f_no" sourceRef="empty" targetRef="end" crm:branch="no" />
            <bpmn:sequenceFlow id="f_yes2" sourceRef="written" targetRef="raw" crm:branch="yes" />
            <bpmn:sequenceFlow id="f_no2" sourceRef="written" targetRef="end" crm:branch="no" />
            <bpmn:sequenceFlow id="f_yes3" sourceRef="raw" targetRef="end" crm:branch="yes" />
            <bpmn:sequenceFlow id="f_no3" sourceRef="raw" targetRef="end" crm:branch="no" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public BuildingConditions()
        : base(Xml)
    {
    }

    [Fact]
    public void The_variables_offered_are_the_start_variables_form_fields_and_outcomes_of_the_map()
    {
        SelectOnCanvas("empty");
        Designer.Find("[data-part=add]").Click();

        Designer.FindAll("[data-row='0'] [data-part=variable] option").Select(o => o.GetAttribute("value"))
            .ShouldBe(["", "amount", "reached", "note", "checkOutcome"]);
    }

    [Fact]
    public void Picking_a_variable_an_operator_and_a_value_writes_the_expression()
    {
        SelectOnCanvas("empty");
        Designer.Find("[data-part=add]").Click();
        Designer.Find("[data-row='0'] [data-part=variable]").Change("amount");
        Designer.Find("[data-row='0'] [data-part=operator]").Change(nameof(ConditionOperator.GreaterOrEqual));
        Designer.Find("[data-row='0'] [data-part=value]").Change("1000");

        LastUpdateOf("empty")["crm:expression"].ShouldBe("amount >= 1000");

        Designer.Find("[data-part=add]").Click();
        Designer.Find("[data-row='1'] [data-part=variable]").Change("reached");
        Designer.FindAll("[data-row='1'] [data-part=operator] option").Select(o => o.TextContent).ShouldBe(["is", "is not", "is empty", "is not empty"]);
        Designer.Find("[data-row='1'] [data-part=value]").Change("true");
        LastUpdateOf("empty")["crm:expression"].ShouldBe("amount >= 1000 && reached === true");

        Designer.Find("[data-part=join]").Change("any");
        LastUpdateOf("empty")["crm:expression"].ShouldBe("amount >= 1000 || reached === true");
    }

    [Fact]
    public void Text_is_quoted_outcomes_are_picked_from_their_values_and_emptiness_needs_no_value()
    {
        SelectOnCanvas("empty");
        Designer.Find("[data-part=add]").Click();
        Designer.Find("[data-row='0'] [data-part=variable]").Change("checkOutcome");
        Designer.FindAll("[data-row='0'] [data-part=value] option").Select(o => o.GetAttribute("value")).ShouldBe(["", "Accept", "Reject"]);
        Designer.Find("[data-row='0'] [data-part=value]").Change("Accept");
        LastUpdateOf("empty")["crm:expression"].ShouldBe("checkOutcome === \"Accept\"");

        Designer.Find("[data-row='0'] [data-part=variable]").Change("note");
        Designer.Find("[data-row='0'] [data-part=operator]").Change(nameof(ConditionOperator.IsEmpty));
        Designer.FindAll("[data-row='0'] [data-part=value]").ShouldBeEmpty();
        LastUpdateOf("empty")["crm:expression"].ShouldBe("(typeof note === \"undefined\" || note === null || note === \"\")");
    }

    [Fact]
    public void An_expression_the_builder_wrote_reads_back_into_its_rows()
    {
        SelectOnCanvas("written");

        Designer.Find("[data-part=join] option[selected]").GetAttribute("value").ShouldBe("any");
        Designer.Find("[data-row='0'] [data-part=variable] option[selected]").GetAttribute("value").ShouldBe("amount");
        Designer.Find("[data-row='0'] [data-part=operator] option[selected]").GetAttribute("value").ShouldBe(nameof(ConditionOperator.GreaterOrEqual));
        Designer.Find("[data-row='0'] [data-part=value]").GetAttribute("value").ShouldBe("1000");
        Designer.Find("[data-row='1'] [data-part=variable] option[selected]").GetAttribute("value").ShouldBe("reached");
        Designer.Find("[data-row='1'] [data-part=value] option[selected]").GetAttribute("value").ShouldBe("true");
        Designer.FindAll("[data-field=condition-expression]").ShouldBeEmpty();
    }

    [Fact]
    public void Any_other_expression_opens_as_text_in_the_advanced_mode_and_the_builder_is_not_offered()
    {
        SelectOnCanvas("raw");

        Designer.Find("[data-field=condition-expression]").TextContent.ShouldBe("Math.max(amount, 5) > 10");
        Designer.Find("[data-mode=builder]").HasAttribute("disabled").ShouldBeTrue();
        Designer.FindAll("[data-part=variable]").ShouldBeEmpty();
    }

    [Fact]
    public void Removing_the_last_row_removes_the_expression()
    {
        SelectOnCanvas("written");
        Designer.Find("[data-row='1'] [data-part=remove]").Click();
        LastUpdateOf("written")["crm:expression"].ShouldBe("amount >= 1000");

        Designer.Find("[data-row='0'] [data-part=remove]").Click();
        LastUpdateOf("written")["crm:expression"].ShouldBeNull();
    }

    [Theory]
    [InlineData("amount > 5 && stage === \"won\"", true)]
    [InlineData("reached == true", true)]
    [InlineData("name === 'O\\'Brien' || note.includes(\"a && b\")", true)]
    [InlineData("(typeof note !== \"undefined\" && note !== null && note !== \"\")", true)]
    [InlineData("a > 1 && b > 2 || c > 3", false)]
    [InlineData("deal.amount > 5", false)]
    [InlineData("amount > limit", false)]
    public void Reading_back_takes_simple_comparisons_joined_by_one_operator_only(string expression, bool readable)
    {
        var read = ConditionRows.TryRead(expression);

        (read is not null).ShouldBe(readable);
        if (read is { } rows)
        {
            ConditionRows.Write(rows.Rows, rows.All, _ => null).ShouldNotBeNull();
        }
    }

    [Fact]
    public void A_value_that_is_read_back_writes_the_same_expression()
    {
        var (rows, all) = ConditionRows.TryRead("name === \"O'Brien \\\"the\\\" 2nd\" && note.includes(\"a && b\")")!.Value;

        rows[0].Value.ShouldBe("O'Brien \"the\" 2nd");
        rows[1].Value.ShouldBe("a && b");
        ConditionRows.Write(rows, all, _ => Engine.Definitions.FormFieldType.Text).ShouldBe("name === \"O'Brien \\\"the\\\" 2nd\" && note.includes(\"a && b\")");
    }
}
