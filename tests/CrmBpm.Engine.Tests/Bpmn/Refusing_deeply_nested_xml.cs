using System.Text;
using CrmBpm.Engine.Bpmn;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// A stack overflow cannot be caught in .NET: deep XML must be refused while it is read, never walked recursively.
/// </summary>
public sealed class Refusing_deeply_nested_xml
{
    /// <summary>A start event whose extension elements nest <paramref name="levels"/> foreign elements.</summary>
    public static string DeepFile(int levels)
    {
        var text = new StringBuilder("""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:x="urn:x">
              <bpmn:process id="p">
                <bpmn:startEvent id="start">
                  <bpmn:extensionElements>
            """);
        text.Append('\n');
        text.Insert(text.Length, "<x:a>", levels);
        text.Insert(text.Length, "</x:a>", levels);
        text.Append("""

                  </bpmn:extensionElements>
                </bpmn:startEvent>
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
              </bpmn:process>
            </bpmn:definitions>
            """);
        return text.ToString();
    }

    [Fact]
    public void A_hundred_thousand_nested_foreign_elements_are_refused_with_the_line_and_the_limit()
    {
        var xml = DeepFile(100_000);

        var problem = Should.Throw<BpmnImportException>(() => new BpmnImporter().ImportXml(xml)).Problems.ShouldHaveSingleItem();

        problem.Message.ShouldContain($"nested deeper than {BpmnImportOptions.DefaultMaxDepth} levels at line 6");
        problem.Message.ShouldContain("BpmnImportOptions.MaxDepth");
        problem.Line.ShouldBe(6);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read_and_kept()
    {
        // definitions, process, startEvent, extensionElements: four levels before the foreign ones.
        var xml = DeepFile(BpmnImportOptions.DefaultMaxDepth - 4);

        var map = new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();

        map.FindPoint("start")!.Foreign!.ExtensionElements.ShouldHaveSingleItem().ShouldStartWith("<x:a xmlns:x=\"urn:x\"><x:a>");
    }

    [Fact]
    public void One_level_more_than_the_limit_is_refused()
    {
        var xml = DeepFile(BpmnImportOptions.DefaultMaxDepth - 3);

        Should.Throw<BpmnImportException>(() => new BpmnImporter().ImportXml(xml)).Problems.ShouldHaveSingleItem().Message.ShouldContain("nested deeper than");
    }

    [Fact]
    public void The_limit_can_be_changed()
    {
        var xml = DeepFile(10);

        Should.Throw<BpmnImportException>(() => new BpmnImporter(new BpmnImportOptions { MaxDepth = 8 }).ImportXml(xml))
            .Problems.ShouldHaveSingleItem().Message.ShouldContain("nested deeper than 8 levels");
    }
}
