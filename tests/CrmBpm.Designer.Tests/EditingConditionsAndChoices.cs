namespace CrmBpm.Designer.Tests;

public sealed class EditingConditionsAndChoices : DesignerSpecification
{
    [Fact]
    public void A_condition_expression_is_written_as_crm_expression_with_crm_kind_condition()
    {
        SelectOnCanvas("big");
        Designer.Find("[data-mode=advanced]").Click();
        Designer.Find("[data-field=condition-expression]").Change("amount > 5000");

        var update = LastUpdateOf("big");
        update["crm:kind"].ShouldBe("condition");
        update["crm:expression"].ShouldBe("amount > 5000");
    }

    [Fact]
    public void Marking_one_flow_No_makes_the_other_Yes_and_the_No_flow_the_default()
    {
        SelectOnCanvas("big");
        Designer.Find(".crm-row[data-flow=f_yes] select").Change("no");

        LastUpdateOf("f_yes")["crm:branch"].ShouldBe("no");
        LastUpdateOf("f_yes")["name"].ShouldBe("No");
        LastUpdateOf("f_no")["crm:branch"].ShouldBe("yes");
        LastUpdateOf("f_no")["name"].ShouldBe("Yes");
        LastCall("setDefaultFlow").ShouldBe(["big", "f_yes"]);
    }

    [Fact]
    public void The_choice_lists_its_cases_in_order_with_their_conditions()
    {
        SelectOnCanvas("route");

        Designer.FindAll(".crm-case").Select(c => c.GetAttribute("data-flow")).ShouldBe(["f_north", "f_other"]);
        Designer.Find(".crm-case[data-flow=f_north] [data-part=variable] option[selected]").GetAttribute("value").ShouldBe("region"); // read back into the builder
        Designer.Find(".crm-case[data-flow=f_north] [data-part=value]").GetAttribute("value").ShouldBe("North");
        Designer.Find(".crm-case[data-flow=f_north] [data-mode=advanced]").Click();
        Designer.Find(".crm-case[data-flow=f_north] [data-field=case-condition]").GetAttribute("value").ShouldBe("region === 'North'");
        Designer.FindAll(".crm-case[data-flow=f_other] [data-field=case-condition]").ShouldBeEmpty(); // the default has no case
    }

    [Fact]
    public void Editing_a_case_sets_the_flow_condition_and_picking_a_default_sets_the_gateway_default()
    {
        SelectOnCanvas("route");
        Designer.Find(".crm-case[data-flow=f_north] [data-mode=advanced]").Click();
        Designer.Find(".crm-case[data-flow=f_north] [data-field=case-condition]").Change("region === 'South'");
        LastCall("setFlowCondition").ShouldBe(["f_north", "region === 'South'"]);

        Designer.Find(".crm-case[data-flow=f_north] [data-field=default]").Change(true);
        LastCall("setDefaultFlow").ShouldBe(["route", "f_north"]);
    }

    [Fact]
    public void Switching_a_condition_to_a_choice_drops_its_expression()
    {
        SelectOnCanvas("big");
        Designer.Find("[data-field=kind-choice]").Change(true);

        var update = LastUpdateOf("big");
        update["crm:kind"].ShouldBe("choice");
        update["crm:expression"].ShouldBeNull();
    }

    [Fact]
    public void An_end_result_and_a_nested_map_are_written_where_the_importer_reads_them()
    {
        SelectOnCanvas("end");
        Designer.Find("[data-field=result]").Change("Lost");
        LastUpdateOf("end")["crm:result"].ShouldBe("Lost");
    }
}
