using CrmBpm.Engine.Bpmn;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// The prefix <c>xmlns</c> only declares namespaces: an element or attribute named with it is not namespace-well-formed XML.
/// The .NET parser lets it through, so the importer refuses it itself — found by <see cref="Fuzzing_the_importer"/>, where
/// such an extension element made the importer throw an ArgumentException (a 500) instead of naming the problem.
/// </summary>
public sealed class Refusing_reserved_xml_prefixes
{
    [Fact]
    public void An_extension_element_named_with_the_xmlns_prefix_is_refused_with_its_line()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">
              <bpmn:process id="p">
                <bpmn:startEvent id="start">
                  <bpmn:extensionElements><xmlns:outcome name="x" /></bpmn:extensionElements>
                </bpmn:startEvent>
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;

        var problem = Should.Throw<BpmnImportException>(() => new BpmnImporter().ImportXml(xml)).Problems.ShouldHaveSingleItem();

        problem.Line.ShouldBe(5);
        problem.Message.ShouldContain("xmlns");
    }
}
