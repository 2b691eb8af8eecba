namespace CrmBpm.Designer.Tests;

public sealed class EditingAnAction : DesignerSpecification
{
    [Fact]
    public void Choosing_a_user_as_performer_writes_crm_performerUser_and_clears_the_other_performer_attributes()
    {
        SelectOnCanvas("offer");
        Designer.Find("[data-field=performer-kind]").Change("user");
        Designer.Find("[data-field=performer-user]").Change("alice");

        var update = LastUpdateOf("offer");
        update["crm:performerUser"].ShouldBe("alice");
        update["crm:performerRole"].ShouldBeNull();
        update["crm:addressingObject"].ShouldBeNull();
        update["crm:performerExpression"].ShouldBeNull();
    }

    [Fact]
    public void The_picker_shows_the_role_the_map_already_addresses()
    {
        SelectOnCanvas("offer");

        Designer.Find("[data-field=performer-kind]").GetAttribute("value").ShouldBeNull();
        Designer.Find("[data-field=performer-kind] option[selected]").GetAttribute("value").ShouldBe("role");
        Designer.Find("[data-field=performer-role] option[selected]").TextContent.ShouldBe("Sales manager");
    }

    [Fact]
    public void The_addressing_object_suggests_the_hosts_objects_with_their_kinds()
    {
        SelectOnCanvas("offer");

        var input = Designer.Find("[data-field=addressing-object]");
        var list = Designer.Find("[data-field=addressing-objects]");
        input.GetAttribute("list").ShouldBe(list.Id);
        list.QuerySelectorAll("option").Select(o => $"{o.GetAttribute("value")} = {o.GetAttribute("label")}").ShouldBe(["North = North (region)", "Sales = Sales (department)"]);
    }

    [Fact]
    public void A_role_with_an_addressing_object_writes_both_attributes()
    {
        SelectOnCanvas("offer");
        Designer.Find("[data-field=addressing-object]").Change("North");

        var update = LastUpdateOf("offer");
        update["crm:performerRole"].ShouldBe("Sales manager");
        update["crm:addressingObject"].ShouldBe("North");
        update["crm:performerUser"].ShouldBeNull();
    }

    [Fact]
    public void Adding_an_outcome_writes_a_crm_outcome_extension_element()
    {
        SelectOnCanvas("offer");
        Designer.Find("[data-field=new-outcome]").Change("Approve");
        Designer.Find("[data-action=add-outcome]").Click();

        LastCall("replaceExtensionElements")[0].ShouldBe("offer");
        ((string[])LastCall("replaceExtensionElements")[1]!).ShouldBe(["crm:Outcome"]);
        var item = LastExtensionItems().ShouldHaveSingleItem();
        item["$type"].ShouldBe("crm:Outcome");
        item["name"].ShouldBe("Approve");
    }

    [Fact]
    public void Adding_a_form_field_writes_a_crm_formField_named_for_the_next_free_variable()
    {
        SelectOnCanvas("offer");
        Designer.Find("[data-action=add-form-field]").Click();

        ((string[])LastCall("replaceExtensionElements")[1]!).ShouldBe(["crm:FormField"]);
        var field = LastExtensionItems().ShouldHaveSingleItem();
        field["$type"].ShouldBe("crm:FormField");
        field["name"].ShouldBe("field1");
        field["type"].ShouldBe("text");
    }

    [Fact]
    public void A_second_edit_before_the_canvas_answers_builds_on_the_first()
    {
        SelectOnCanvas("offer");
        Designer.Find("[data-action=add-form-field]").Click();
        Designer.Find("[data-field=form-field-name]").Change("amount");
        Designer.Find("[data-field=form-field-type]").Change("Choice");
        Designer.Find("[data-field=form-field-options]").Change("EUR, USD");

        var field = LastExtensionItems().ShouldHaveSingleItem();
        field["name"].ShouldBe("amount");
        field["type"].ShouldBe("choice");
        var options = (Dictionary<string, object?>[])field["options"]!;
        options.Select(o => o["value"]).ShouldBe(["EUR", "USD"]);
        options.ShouldAllBe(o => (string?)o["$type"] == "crm:Option");
    }

    [Fact]
    public void Deadline_stage_and_acceptance_are_crm_attributes()
    {
        SelectOnCanvas("offer");
        Designer.Find("[data-field=deadline-kind]").Change("duration");
        Designer.Find("[data-field=deadline]").Change("P3D");
        LastUpdateOf("offer")["crm:deadline"].ShouldBe("P3D");

        Designer.Find("[data-field=stage]").Change("Offer");
        LastUpdateOf("offer")["crm:stage"].ShouldBe("Offer");

        Designer.Find("[data-field=requires-acceptance]").Change(true);
        LastUpdateOf("offer")["crm:requiresAcceptance"].ShouldBe("true");
    }

    [Fact]
    public void A_deadline_counts_in_working_time_when_ticked_and_there_is_no_such_switch_without_a_deadline()
    {
        SelectOnCanvas("offer");
        Designer.FindAll("[data-field=working-time]").ShouldBeEmpty();

        Designer.Find("[data-field=deadline-kind]").Change("duration");
        Designer.Find("[data-field=working-time]").HasAttribute("checked").ShouldBeFalse();
        Designer.Find("[data-field=working-time]").Change(true);

        LastUpdateOf("offer")["crm:workingTime"].ShouldBe(true);
    }

    [Fact]
    public void One_task_per_item_sets_multi_instance_loop_characteristics()
    {
        SelectOnCanvas("offer");
        Designer.Find("[data-field=multi-instance]").Change(true);
        Designer.Find("[data-field=collection]").Change("planItems");

        LastCall("setMultiInstance")[0].ShouldBe("offer");
        LastCall("setMultiInstance")[1].ShouldNotBeNull();
    }
}
