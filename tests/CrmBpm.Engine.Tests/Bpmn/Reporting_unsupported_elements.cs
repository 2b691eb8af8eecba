using CrmBpm.Engine.Bpmn;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

public sealed class Reporting_unsupported_elements
{
    [Fact]
    public void Every_element_outside_the_route_map_kinds_is_reported_at_once_with_its_id_and_line()
    {
        var error = Should.Throw<BpmnImportException>(() => Import(Fixture("unsupported.bpmn")));

        error.Problems.Select(p => (p.ElementId, p.Line)).ShouldBe([
            ("Activity_send", 5),
            ("Event_timeout", 7),
            ("Gateway_any", 10),
            ("Activity_sub", 11),
        ]);
        error.Problems[0].Message.ShouldBe("<serviceTask> 'Activity_send' (line 5) is not supported: route maps have no automated steps yet — model the work as a user task, or leave it to the host application. Route maps use start and end events, user tasks, exclusive and parallel gateways and call activities.");
        error.Problems[1].Message.ShouldContain("<boundaryEvent> 'Event_timeout' (line 7)");
        error.Message.ShouldContain("line 5, column 6: [Activity_send]");
    }

    [Theory]
    [InlineData("<endEvent id=\"e\"><terminateEventDefinition /><messageEventDefinition /></endEvent>", "contains <terminateEventDefinition>")]
    [InlineData("<userTask id=\"t\" crm:performer=\"bob\" />", "crm:performer, which CrmBpm does not know")]
    [InlineData("<userTask id=\"t\"><extensionElements><crm:outcomes /></extensionElements></userTask>", "crm:outcomes, which CrmBpm does not know")]
    [InlineData("<userTask id=\"t\"><multiInstanceLoopCharacteristics isSequential=\"true\" crm:collection=\"x\" /></userTask>", "isSequential must be false")]
    [InlineData("<userTask id=\"t\"><multiInstanceLoopCharacteristics /></userTask>", "without a list variable")]
    [InlineData("<userTask id=\"t\" crm:requiresAcceptance=\"maybe\" />", "must be true or false")]
    [InlineData("<userTask id=\"t\" crm:reminderBefore=\"soon\" />", "not an ISO 8601 duration")]
    [InlineData("<exclusiveGateway id=\"g\" crm:kind=\"maybe\" />", "crm:kind must be 'condition' or 'choice'")]
    [InlineData("<sequenceFlow id=\"f\" sourceRef=\"a\" targetRef=\"b\" crm:branch=\"perhaps\" />", "crm:branch must be 'yes' or 'no'")]
    [InlineData("<userTask id=\"t\" /><sequenceFlow id=\"f\" sourceRef=\"t\" targetRef=\"b\"><conditionExpression>x</conditionExpression></sequenceFlow>", "only supported after a gateway")]
    [InlineData("<userTask id=\"t\" /><userTask id=\"t\" />", "ids must be unique")]
    public void Unsupported_or_mistyped_content_is_a_clear_problem(string content, string message)
    {
        var xml = $"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn">
              <process id="p">
                {content}
              </process>
            </definitions>
            """;

        var error = Should.Throw<BpmnImportException>(() => new BpmnImporter().ImportXml(xml));

        error.Problems.ShouldContain(p => p.Message.Contains(message) && p.Line == 3);
    }
}
