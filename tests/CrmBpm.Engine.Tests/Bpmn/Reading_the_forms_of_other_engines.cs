using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// A user task's form as Camunda 7 (<c>camunda:formData</c>) and Flowable (<c>flowable:formProperty</c>) write it: types,
/// labels, enum values with names, default values and validation constraints read into our fields and checked when the
/// task is completed; written as Camunda's formData beside ours on export.
/// </summary>
public sealed class Reading_the_forms_of_other_engines : IAsyncLifetime
{
    private const string CamundaForm = """
        <camunda:formData>
          <camunda:formField id="amount" label="Amount" type="long" defaultValue="100">
            <camunda:validation>
              <camunda:constraint name="required" />
              <camunda:constraint name="min" config="10" />
              <camunda:constraint name="max" config="5000" />
            </camunda:validation>
          </camunda:formField>
          <camunda:formField id="note" label="Note" type="string">
            <camunda:validation><camunda:constraint name="maxlength" config="5" /></camunda:validation>
          </camunda:formField>
          <camunda:formField id="delivery" label="Delivery" type="enum" defaultValue="pickup">
            <camunda:value id="pickup" name="Pickup at the store" />
            <camunda:value id="courier" name="Courier" />
          </camunda:formField>
          <camunda:formField id="customer" label="Customer" type="string">
            <camunda:validation><camunda:constraint name="readonly" /></camunda:validation>
          </camunda:formField>
        </camunda:formData>
        """;

    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => System.Threading.Tasks.Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    [Fact]
    public void Camunda_form_fields_keep_their_defaults_value_names_and_constraints()
    {
        var result = Read(File(CamundaForm));

        var fields = Action(result).FormFields;
        fields.Select(f => (f.Name, f.Type)).ShouldBe([("amount", FormFieldType.Number), ("note", FormFieldType.Text), ("delivery", FormFieldType.Choice), ("customer", FormFieldType.Text)]);
        fields[0].ShouldSatisfyAllConditions(
            f => f.Required.ShouldBeTrue(), f => f.DefaultValue.ShouldBe("100"), f => f.Minimum.ShouldBe(10m), f => f.Maximum.ShouldBe(5000m));
        fields[1].MaxLength.ShouldBe(5);
        fields[2].Options.ShouldBe(["pickup", "courier"]);
        fields[2].LabelOf("pickup").ShouldBe("Pickup at the store");
        fields[2].DefaultValue.ShouldBe("pickup");
        fields[3].ReadOnly.ShouldBeTrue();
        result.Notes.ShouldBeEmpty();
    }

    [Fact]
    public void The_export_writes_the_form_for_Camunda_and_ours_and_reads_back_the_same_without_keeping_it_twice()
    {
        var map = Read(File(CamundaForm)).Maps.Single();

        var xml = new BpmnExporter().Export(map);

        var formData = XDocument.Parse(xml).Descendants(XName.Get("formData", BpmnNamespaces.Camunda)).ShouldHaveSingleItem();
        formData.Elements().Count().ShouldBe(4);
        xml.ShouldContain("<camunda:value id=\"pickup\" name=\"Pickup at the store\" />");
        xml.ShouldContain("<camunda:constraint name=\"max\" config=\"5000\" />");
        xml.ShouldContain("<crm:option value=\"pickup\" label=\"Pickup at the store\" />");
        var again = new BpmnImporter().ImportXml(xml).Single();
        FormDialect.Same(((ActionPoint)again.FindPoint("task")!).FormFields, Action(map).FormFields).ShouldBeTrue();
        again.FindPoint("task")!.Foreign.ShouldBeNull();
    }

    [Fact]
    public void A_custom_validator_is_kept_as_written_and_named_in_the_loss_report()
    {
        const string form = """
            <camunda:formData>
              <camunda:formField id="iban" label="IBAN" type="string">
                <camunda:validation><camunda:constraint name="validator" config="org.example.IbanValidator" /></camunda:validation>
              </camunda:formField>
            </camunda:formData>
            """;
        var result = Read(File(form));

        Action(result).FormFields.ShouldHaveSingleItem().Name.ShouldBe("iban");
        result.Notes.ShouldHaveSingleItem().ToString().ShouldContain("validation constraint 'validator'");
        var xml = new BpmnExporter().Export(result.Maps);
        xml.ShouldContain("org.example.IbanValidator");
        XDocument.Parse(xml).Descendants(XName.Get("formData", BpmnNamespaces.Camunda)).Count().ShouldBe(1);
    }

    [Fact]
    public void Flowable_form_properties_become_fields_and_stay_for_Flowable()
    {
        const string form = """
            <flowable:formProperty id="approved" name="Approved?" type="boolean" required="true" />
            <flowable:formProperty id="reason" name="Reason" type="enum" default="price">
              <flowable:value id="price" name="Too expensive" />
              <flowable:value id="time" name="Too late" />
            </flowable:formProperty>
            <flowable:formProperty id="customer" name="Customer" type="string" writable="false" />
            """;
        var result = Read(File(form));

        var fields = Action(result).FormFields;
        fields.Select(f => (f.Name, f.Label, f.Type, f.Required)).ShouldBe([
            ("approved", "Approved?", FormFieldType.Boolean, true), ("reason", "Reason", FormFieldType.Choice, false), ("customer", "Customer", FormFieldType.Text, false)]);
        fields[1].LabelOf("time").ShouldBe("Too late");
        fields[1].DefaultValue.ShouldBe("price");
        fields[2].ReadOnly.ShouldBeTrue();
        result.Notes.ShouldBeEmpty();
        new BpmnExporter().Export(result.Maps).ShouldContain("flowable:formProperty id=\"reason\"");
    }

    [Fact]
    public async Task Completing_checks_the_range_the_length_and_that_a_read_only_field_is_not_set()
    {
        var map = Read(File(CamundaForm)).Maps.Single();
        var instance = await _bpm.StartAsync(map);

        var refused = await Should.ThrowAsync<InputException>(() =>
            _bpm.CompleteAsync(instance.Id, "task", variables: new { amount = 5001, note = "too long", customer = "Acme" }));

        refused.Problems.Select(p => p.Field).ShouldBe(["amount", "note", "customer"]);
        refused.Problems[0].Message.ShouldContain("at most 5000");
        refused.Problems[1].Message.ShouldContain("at most 5 characters");
        refused.Problems[2].Message.ShouldContain("read-only");

        await Should.ThrowAsync<InputException>(() => _bpm.CompleteAsync(instance.Id, "task", variables: new { amount = 9 }));
        await _bpm.CompleteAsync(instance.Id, "task", variables: new { amount = 10, note = "fine", delivery = "courier" });
        (await _bpm.InstanceAsync(instance.Id)).Status.ShouldBe(CrmBpm.Engine.Runtime.InstanceStatus.Completed);
    }

    private static BpmnImportResult Read(string xml) => new BpmnImporter().Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)));

    private static ActionPoint Action(BpmnImportResult result) => Action(result.Maps.Single());

    private static ActionPoint Action(RouteMap map) => (ActionPoint)map.FindPoint("task")!;

    /// <summary>start → a user task with <paramref name="extensions"/> and a performer → end.</summary>
    private static string File(string extensions) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:flowable="http://flowable.org/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="form" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="task" />
            <bpmn:userTask id="task" name="Check" camunda:assignee="anna"><bpmn:extensionElements>{extensions}</bpmn:extensionElements></bpmn:userTask>
            <bpmn:sequenceFlow id="f2" sourceRef="task" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
