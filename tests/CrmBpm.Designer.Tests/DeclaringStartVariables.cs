namespace CrmBpm.Designer.Tests;

/// <summary>The map's own properties list its start variables (issue #15); editing them replaces the process's crm:startVariable elements.</summary>
public sealed class DeclaringStartVariables : DesignerSpecification
{
    [Fact]
    public void The_map_properties_list_the_declared_start_variables()
    {
        Designer.FindAll("[data-start-variable]").Select(e => e.GetAttribute("data-start-variable")).ShouldBe(["amount", "region"]);
        Designer.Find("[data-start-variable=amount] [data-field=start-variable-type] option[selected]").GetAttribute("value").ShouldBe("Number");
        Designer.Find("[data-start-variable=amount] [data-field=start-variable-label]").GetAttribute("value").ShouldBe("Amount");
        Designer.Find("[data-start-variable=amount] [data-field=start-variable-required]").HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public void Adding_and_changing_one_writes_every_declaration_of_the_process()
    {
        Designer.Find("[data-action=add-start-variable]").Click();
        LastCall("replaceExtensionElements")[0].ShouldBe("sale");
        LastExtensionItems().Select(i => i["name"]).ShouldBe(["amount", "region", "variable3"]);

        Designer.Find("[data-start-variable=region] [data-field=start-variable-type]").Change("Date");
        var items = LastExtensionItems();
        items.Select(i => i["$type"]).ShouldAllBe(t => (string?)t == "crm:StartVariable");
        items[1]["type"].ShouldBe("date");
        items[0]["required"].ShouldBe("true");
    }
}
