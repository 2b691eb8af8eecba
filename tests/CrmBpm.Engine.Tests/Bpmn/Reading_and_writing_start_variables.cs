using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Testing;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>The start variables a map declares are <c>crm:startVariable</c> extension elements of its process.</summary>
public sealed class Reading_and_writing_start_variables
{
    private static RouteMap Declaring() => new MapBuilder("approval")
        .StartVariable("amount", FormFieldType.Number, required: true, label: "Amount (€) <net>")
        .StartVariable("urgent", FormFieldType.Boolean)
        .StartVariable("due", FormFieldType.Date, label: "Due on")
        .StartVariable("note")
        .Start().End().Flow("start", "end").Build();

    [Fact]
    public void Declared_start_variables_are_written_on_the_process_and_read_back_the_same()
    {
        var xml = new BpmnExporter().Export(Declaring());

        xml.ShouldContain("<crm:startVariable name=\"amount\" type=\"number\" label=\"Amount (€) &lt;net&gt;\" required=\"true\" />");
        var again = new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();
        again.StartVariables.ShouldBe(Declaring().StartVariables);
    }

    [Fact]
    public void A_process_without_declarations_has_none_and_writes_no_extension_for_them()
    {
        var map = new MapBuilder("plain").Start().End().Flow("start", "end").Build();

        var xml = new BpmnExporter().Export(map);

        xml.ShouldNotContain("startVariable");
        new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem().StartVariables.ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_type_is_an_import_problem_naming_the_variable()
    {
        var xml = new BpmnExporter().Export(Declaring()).Replace("type=\"boolean\"", "type=\"flag\"", StringComparison.Ordinal);

        var error = Should.Throw<BpmnImportException>(() => new BpmnImporter().ImportXml(xml));

        error.Problems.ShouldHaveSingleItem().Message.ShouldContain("Start variable 'urgent': type 'flag' is not one of text, number, boolean, date");
    }

    [Fact]
    public void Other_extension_elements_of_the_process_are_kept_beside_them()
    {
        var xml = new BpmnExporter().Export(Declaring()).Replace(
            "<crm:startVariable name=\"note\"", "<camunda:properties xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" /><crm:startVariable name=\"note\"", StringComparison.Ordinal);

        var map = new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();

        map.StartVariables.Count.ShouldBe(4);
        new BpmnExporter().Export(map).ShouldContain("camunda:properties");
    }
}
