using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// A scriptTask written in JavaScript runs in the conditions' sandbox: its value goes to the result variable and the token
/// moves on in the same command; a script in another language is kept and refused by name; a failing or endless script is an
/// incident naming the step.
/// </summary>
public sealed class Running_script_steps : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => System.Threading.Tasks.Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    [Fact]
    public async Task The_script_value_goes_to_its_result_variable_and_the_gateway_after_it_reads_it()
    {
        var map = Import(File("javascript", "camunda:resultVariable=\"discount\"", "var rate = amount > 1000 ? 0.1 : 0; amount * rate"));
        var script = map.Points.OfType<ScriptPoint>().ShouldHaveSingleItem();
        script.ResultVariable.ShouldBe("discount");

        var big = await _bpm.StartAsync(map, new { amount = 5000 });
        var done = await _bpm.InstanceAsync(big.Id);
        Variables.ToText(done.Variables["discount"]).ShouldBe("500");
        (await _bpm.TokenPointsAsync(big.Id)).ShouldBe(["check"]);

        var small = await _bpm.StartAsync(map, new { amount = 10 });
        (await _bpm.InstanceAsync(small.Id)).Status.ShouldBe(InstanceStatus.Completed);
    }

    [Fact]
    public async Task A_failing_script_and_an_endless_one_are_incidents_naming_the_step()
    {
        var failing = await _bpm.StartAsync(Import(File("JavaScript", "", "missing.field"), "failing"), new { amount = 1 });
        (await _bpm.InstanceAsync(failing.Id)).IncidentMessage.ShouldNotBeNull().ShouldContain("missing");

        var endless = await _bpm.StartAsync(Import(File("javascript", "", "while (true) {}"), "endless"), new { amount = 1 });
        var stuck = await _bpm.InstanceAsync(endless.Id);
        stuck.Status.ShouldBe(InstanceStatus.Incident);
        stuck.Tokens.ShouldHaveSingleItem().PointId.ShouldBe("calc");
    }

    [Fact]
    public void The_export_writes_the_script_after_the_flows_with_its_format_and_result_variable_for_Camunda_too()
    {
        var map = Import(File("javascript", "crm:resultVariable=\"discount\"", "amount * 0.1"));

        var xml = new BpmnExporter().Export(map);

        var task = XDocument.Parse(xml).Descendants(XName.Get("scriptTask", BpmnNamespaces.Model)).Single();
        task.Elements().Last().Name.LocalName.ShouldBe("script");
        task.Elements().Last().Value.ShouldBe("amount * 0.1");
        ((string?)task.Attribute("scriptFormat")).ShouldBe("javascript");
        ((string?)task.Attribute(XName.Get("resultVariable", BpmnNamespaces.Camunda))).ShouldBe("discount");
        var again = new BpmnImporter().ImportXml(xml).Single();
        again.Points.OfType<ScriptPoint>().Single().ShouldBe(map.Points.OfType<ScriptPoint>().Single());
    }

    [Fact]
    public void A_groovy_script_is_kept_and_refused_by_name_and_a_javascript_syntax_error_names_the_step()
    {
        var groovy = Import(File("groovy", "", "println 'hi'"), "groovy");
        groovy.FindPoint("calc").ShouldBeOfType<KeptPoint>();
        Problems(groovy).ShouldContain(p => p.Code == "point.not-run-yet" && p.Message.Contains("scriptFormat is 'groovy'"));

        var broken = Import(File("javascript", "", "amount * (0.1"), "broken");
        Problems(broken).ShouldContain(p => p.Code == "expression.syntax" && p.Message.Contains("script of 'Compute the discount'"));
    }

    private static List<ValidationProblem> Problems(RouteMap map) =>
        [.. new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null))];

    private static RouteMap Import(string xml, string key = "script") => new BpmnImporter().ImportXml(xml.Replace("KEY", key, StringComparison.Ordinal)).Single();

    /// <summary>start → a script → a condition on discount &gt; 0: yes → a task for anna, no → end.</summary>
    private static string File(string format, string attributes, string script) => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:crm="https://crmbpm.dev/schema/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="KEY" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="calc" />
            <bpmn:scriptTask id="calc" name="Compute the discount" scriptFormat="{{format}}" {{attributes}}>
              <bpmn:script><![CDATA[{{script}}]]></bpmn:script>
            </bpmn:scriptTask>
            <bpmn:sequenceFlow id="f2" sourceRef="calc" targetRef="gate" />
            <bpmn:exclusiveGateway id="gate" default="no" />
            <bpmn:sequenceFlow id="yes" sourceRef="gate" targetRef="check"><bpmn:conditionExpression>${discount > 0}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="no" sourceRef="gate" targetRef="end" />
            <bpmn:userTask id="check" name="Check the discount" camunda:assignee="anna" />
            <bpmn:sequenceFlow id="f3" sourceRef="check" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
