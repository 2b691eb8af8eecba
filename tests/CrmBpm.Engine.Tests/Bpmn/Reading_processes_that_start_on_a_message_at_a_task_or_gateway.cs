using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// BPMN's other ways to start a process on a message: a <c>receiveTask</c> with <c>instantiate="true"</c> that begins the process
/// runs as a message start and is written back as the receive task it was; one something leads into, and an event-based gateway
/// with <c>instantiate="true"</c>, are kept and refused with a message that says why and what to do.
/// </summary>
public sealed class Reading_processes_that_start_on_a_message_at_a_task_or_gateway : IAsyncLifetime
{
    private const string ReceiveFirst = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <message id="Message_order" name="order-placed" />
          <process id="orders" isExecutable="true">
            <receiveTask id="receive" name="Order placed" messageRef="Message_order" instantiate="true" />
            <userTask id="check" name="Check the order" />
            <endEvent id="end" />
            <sequenceFlow id="f1" sourceRef="receive" targetRef="check" />
            <sequenceFlow id="f2" sourceRef="check" targetRef="end" />
          </process>
        </definitions>
        """;

    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    [Fact]
    public async Task An_instantiating_receive_task_at_the_beginning_is_a_message_start_that_runs_and_reads_back_the_same()
    {
        var map = new BpmnImporter().ImportXml(ReceiveFirst).ShouldHaveSingleItem();

        map.Start.ShouldNotBeNull().ShouldSatisfyAllConditions(s => s.Id.ShouldBe("receive"), s => s.IsReceiveTask.ShouldBeTrue(), s => s.MessageName.ShouldBe("order-placed"));
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
        var exported = new BpmnExporter().Export(map);
        exported.ShouldContain("""<bpmn:receiveTask id="receive" name="Order placed" instantiate="true" messageRef="Message_order">""");
        exported.ShouldNotContain("<bpmn:startEvent");
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = map.Diagram ?? AutoLayout.Create(map) }]);

        await _bpm.DeployAsync(map);
        var result = await _bpm.Engine.CorrelateAsync(new MessageCorrelation { MessageName = "order-placed", Variables = new Dictionary<string, object?> { ["orderId"] = "A-17" } });

        var started = result.StartedInstanceId.ShouldNotBeNull();
        (await _bpm.TokenPointsAsync(started)).ShouldBe(["check"]);
        (await _bpm.InstanceAsync(started)).Variables["orderId"].GetString().ShouldBe("A-17");
    }

    [Fact]
    public void An_instantiating_receive_task_something_leads_into_is_kept_and_refused_saying_why()
    {
        var xml = ReceiveFirst.Replace("""<receiveTask id="receive" """, """<startEvent id="s" /><sequenceFlow id="f0" sourceRef="s" targetRef="receive" /><receiveTask id="receive" """, StringComparison.Ordinal);

        var map = new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();

        map.Points.OfType<KeptPoint>().ShouldHaveSingleItem().Id.ShouldBe("receive");
        Validate(map).ShouldContain(p => p.Code == "point.not-run-yet" && p.PointId == "receive" && p.Message.Contains("a flow leads into it"));
    }

    [Fact]
    public void An_instantiating_event_based_gateway_is_kept_and_refused_saying_what_to_do_instead()
    {
        const string xml = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
              <message id="Message_a" name="a" />
              <message id="Message_b" name="b" />
              <process id="either" isExecutable="true">
                <eventBasedGateway id="first" name="Whichever comes first" instantiate="true" eventGatewayType="Exclusive" />
                <intermediateCatchEvent id="on-a"><messageEventDefinition messageRef="Message_a" /></intermediateCatchEvent>
                <intermediateCatchEvent id="on-b"><messageEventDefinition messageRef="Message_b" /></intermediateCatchEvent>
                <endEvent id="end" />
                <sequenceFlow id="f1" sourceRef="first" targetRef="on-a" />
                <sequenceFlow id="f2" sourceRef="first" targetRef="on-b" />
                <sequenceFlow id="f3" sourceRef="on-a" targetRef="end" />
                <sequenceFlow id="f4" sourceRef="on-b" targetRef="end" />
              </process>
            </definitions>
            """;

        var map = new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();

        map.Points.OfType<KeptPoint>().ShouldHaveSingleItem().Element.ShouldBe("eventBasedGateway");
        Validate(map).ShouldContain(p => p.Code == "point.not-run-yet" && p.PointId == "first"
            && p.Message.Contains("instantiate=\"true\"") && p.Message.Contains("message start"));
        new BpmnExporter().Export(map).ShouldContain("instantiate=\"true\"");
    }
}
