using CrmBpm.Engine.Bpmn;

namespace CrmBpm.Engine.Tests.Bpmn;

public sealed class Reporting_unsupported_elements
{
    [Theory]
    [InlineData("<userTask id=\"a\" /><sequenceFlow id=\"f\" sourceRef=\"a\" targetRef=\"a\"><potentialOwner /></sequenceFlow>", "contains <potentialOwner>")]
    [InlineData("<userTask id=\"t\" crm:performer=\"bob\" />", "crm:performer, which CrmBpm does not know")]
    [InlineData("<userTask id=\"t\"><extensionElements><crm:outcomes /></extensionElements></userTask>", "crm:outcomes, which CrmBpm does not know")]
    [InlineData("<userTask id=\"t\"><multiInstanceLoopCharacteristics crm:collection=\"x\"><loopDataInputRef>x</loopDataInputRef></multiInstanceLoopCharacteristics></userTask>", "<loopDataInputRef> in multi-instance is not supported")]
    [InlineData("<userTask id=\"t\"><multiInstanceLoopCharacteristics crm:elementVariable=\"x\" /></userTask>", "without a list or a count")]
    [InlineData("<callActivity id=\"c\" calledElement=\"x\"><multiInstanceLoopCharacteristics crm:elementVariable=\"x\" /></callActivity>", "without a list or a count")]
    [InlineData("<userTask id=\"t\" crm:requiresAcceptance=\"maybe\" />", "must be true or false")]
    [InlineData("<userTask id=\"t\" crm:reminderBefore=\"soon\" />", "not an ISO 8601 duration")]
    [InlineData("<exclusiveGateway id=\"g\" crm:kind=\"maybe\" />", "crm:kind must be 'condition' or 'choice'")]
    [InlineData("<sequenceFlow id=\"f\" sourceRef=\"a\" targetRef=\"b\" crm:branch=\"perhaps\" />", "crm:branch must be 'yes' or 'no'")]
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
