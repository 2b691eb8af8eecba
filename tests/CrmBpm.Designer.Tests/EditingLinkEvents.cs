namespace CrmBpm.Designer.Tests;

public sealed class EditingLinkEvents() : DesignerSpecification(Xml)
{
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="deal" name="Deal" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="qualify" name="Qualify" crm:performerRole="Sales" />
            <bpmn:intermediateThrowEvent id="jump" name="To approval"><bpmn:linkEventDefinition id="jump_def" name="approval" /></bpmn:intermediateThrowEvent>
            <bpmn:intermediateThrowEvent id="lost"><bpmn:linkEventDefinition id="lost_def" name="nowhere" /></bpmn:intermediateThrowEvent>
            <bpmn:intermediateCatchEvent id="land" name="Approval"><bpmn:linkEventDefinition id="land_def" name="approval" /></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="other"><bpmn:linkEventDefinition id="other_def" name="archive" /></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="approve" name="Approve" crm:performerRole="Head" />
            <bpmn:exclusiveGateway id="ok" name="Lost?" crm:kind="condition" crm:expression="lost === true" default="f_no" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="qualify" />
            <bpmn:sequenceFlow id="f2" sourceRef="qualify" targetRef="ok" />
            <bpmn:sequenceFlow id="f_yes" sourceRef="ok" targetRef="lost"><bpmn:conditionExpression>lost === true</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f_no" sourceRef="ok" targetRef="jump" />
            <bpmn:sequenceFlow id="f3" sourceRef="land" targetRef="approve" />
            <bpmn:sequenceFlow id="f4" sourceRef="approve" targetRef="end" />
            <bpmn:sequenceFlow id="f5" sourceRef="other" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public void A_go_to_link_shows_its_name_and_offers_the_link_targets_of_the_map()
    {
        SelectOnCanvas("jump");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Go to link");
        Designer.Find("[data-field=link-name]").GetAttribute("value").ShouldBe("approval");
        Designer.FindAll("#crm-link-names option").Select(o => o.GetAttribute("value")).ShouldBe(["approval", "archive"]);
        Designer.FindAll("[data-link-target]").Select(b => b.TextContent).ShouldBe(["approval", "archive"]);
        Designer.FindAll("[data-link=missing]").ShouldBeEmpty();
    }

    [Fact]
    public void Picking_or_typing_a_link_name_writes_the_link_definition_s_name_through_the_canvas()
    {
        SelectOnCanvas("jump");

        Designer.Find("[data-link-target=archive]").Click();
        LastCall("updateEventDefinition").ShouldBe(["jump", new Dictionary<string, object?> { ["name"] = "archive" }]);

        Designer.Find("[data-field=link-name]").Change(" to-archive ");
        LastCall("updateEventDefinition").ShouldBe(["jump", new Dictionary<string, object?> { ["name"] = "to-archive" }]);
    }

    [Fact]
    public void A_go_to_link_naming_no_target_says_so_and_the_engine_s_problem_is_listed()
    {
        SelectOnCanvas("lost");

        Designer.Find("[data-link=missing]").TextContent.ShouldContain("nowhere");
        Designer.WaitForAssertion(() => Designer.FindAll(".crm-problems li[data-element='lost'][data-problem='link.catch-missing']").ShouldHaveSingleItem());
        var problem = Designer.Find(".crm-problems li[data-element='lost']").TextContent;
        problem.ShouldContain("The unnamed go to link after 'Lost?'");
        problem.ShouldNotContain("Go to link the unnamed", Case.Insensitive); // the engine's kind words are not said twice
    }

    [Fact]
    public void A_link_target_tells_which_go_to_links_lead_to_it()
    {
        SelectOnCanvas("land");

        Designer.Find(".crm-kind-badge").TextContent.ShouldBe("Link target");
        Designer.Find("[data-field=link-name]").GetAttribute("value").ShouldBe("approval");
        Designer.Find("[data-link=throws]").TextContent.ShouldContain("To approval");
        Designer.FindAll("[data-link-target]").ShouldBeEmpty();

        SelectOnCanvas("other");
        Designer.Find("[data-link=throws]").TextContent.ShouldBe("No Go to link point names this link yet.");
    }
}
