using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// An error boundary event and an error end event are read with the file's <c>&lt;error&gt;</c> they name (its code), export
/// writes the error and the definitions back, and the file reads back the same. An <c>errorRef</c> naming no error stays kept.
/// </summary>
public sealed class Reading_error_events
{
    private const string Error = """<error id="Error_refused" name="Credit refused" errorCode="credit-refused" />""";

    private static RouteMap Read(string boundary, string activity = """<serviceTask id="task" crm:handler="credit-check" />""", string errors = Error, string end = """<endEvent id="e" />""")
    {
        var xml = $"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:crm="https://crmbpm.dev/schema/bpmn"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
              <process id="p">
                <startEvent id="s" />
                {activity}
                {boundary}
                {end}
                <endEvent id="refused-end" />
                <sequenceFlow id="f1" sourceRef="s" targetRef="task" />
                <sequenceFlow id="f2" sourceRef="task" targetRef="e" />
                <sequenceFlow id="f3" sourceRef="refused" targetRef="refused-end" />
              </process>
              {errors}
            </definitions>
            """;
        return new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();
    }

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    [Fact]
    public void An_error_boundary_reads_its_error_s_code_and_camunda_s_variables_and_reads_back_the_same()
    {
        var map = Read("""
            <boundaryEvent id="refused" name="Refused" attachedToRef="task">
              <errorEventDefinition id="def" errorRef="Error_refused" camunda:errorCodeVariable="code" camunda:errorMessageVariable="message" />
            </boundaryEvent>
            """);

        var boundary = map.Points.OfType<BoundaryErrorPoint>().ShouldHaveSingleItem();
        (boundary.AttachedToId, boundary.Error, boundary.CodeVariable, boundary.MessageVariable)
            .ShouldBe(("task", new ErrorDefinition("Error_refused", "credit-refused", "Credit refused"), "code", "message"));
        var xml = new BpmnExporter().Export(map);
        xml.ShouldContain("<bpmn:error id=\"Error_refused\" name=\"Credit refused\" errorCode=\"credit-refused\" />");
        xml.ShouldContain("camunda:errorCodeVariable=\"code\"");
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = AutoLayout.Create(map) }]);
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
    }

    [Fact]
    public void A_boundary_without_an_error_is_a_catch_all()
    {
        var map = Read("""<boundaryEvent id="refused" attachedToRef="task"><errorEventDefinition /></boundaryEvent>""");

        map.Points.OfType<BoundaryErrorPoint>().ShouldHaveSingleItem().CatchesAll.ShouldBeTrue();
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = AutoLayout.Create(map) }]);
    }

    [Fact]
    public void An_error_end_event_throws_its_error_publishes_with_a_warning_and_reads_back_the_same()
    {
        var map = Read("""<boundaryEvent id="refused" attachedToRef="task"><errorEventDefinition errorRef="Error_refused" /></boundaryEvent>""",
            end: """<endEvent id="e" name="No credit"><errorEventDefinition errorRef="Error_refused" /></endEvent>""");

        map.Points.OfType<EndPoint>().Single(e => e.Id == "e").Error!.Code.ShouldBe("credit-refused");
        var xml = new BpmnExporter().Export(map);
        xml.Split("<bpmn:error ").Length.ShouldBe(2); // written once though two points name it
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = AutoLayout.Create(map) }]);
        var problems = Validate(map);
        problems.Where(p => p.IsError).ShouldBeEmpty();
        problems.ShouldContain(p => p.Code == "error.end-top-level" && p.PointId == "e" && !p.IsError);
    }

    [Fact]
    public void An_error_changed_on_the_point_replaces_the_kept_one()
    {
        var map = Read("""<boundaryEvent id="refused" attachedToRef="task"><errorEventDefinition errorRef="Error_refused" /></boundaryEvent>""");
        var changed = map with
        {
            Points = [.. map.Points.Select(p => p is BoundaryErrorPoint b ? b with { Error = b.Error! with { Code = "no-credit" } } : p)],
        };

        var back = RoundTrip([changed]).ShouldHaveSingleItem();

        back.Points.OfType<BoundaryErrorPoint>().Single().Error!.Code.ShouldBe("no-credit");
        new BpmnExporter().Export(changed).Split("<bpmn:error ").Length.ShouldBe(2);
    }

    [Theory]
    [InlineData("""<boundaryEvent id="refused" attachedToRef="task"><errorEventDefinition errorRef="Error_missing" /></boundaryEvent>""")]
    [InlineData("""<boundaryEvent id="refused" attachedToRef="task"><errorEventDefinition errorRef="Error_refused" camunda:unknown="x" /></boundaryEvent>""")]
    public void An_error_event_the_engine_cannot_read_whole_stays_kept(string boundary)
    {
        var map = Read(boundary);

        map.Points.OfType<BoundaryErrorPoint>().ShouldBeEmpty();
        map.Points.OfType<KeptPoint>().ShouldHaveSingleItem().Id.ShouldBe("refused");
    }

    [Theory]
    [InlineData("""<scriptTask id="task" scriptFormat="javascript"><script>1</script></scriptTask>""", "error.boundary-kind")]
    [InlineData("""<userTask id="task" crm:performerUser="alice" />""", null)]
    [InlineData("""<callActivity id="task" calledElement="child" />""", "nested.map-unknown")]
    public void Only_an_automatic_step_an_action_or_a_nested_process_carries_an_error_boundary(string activity, string? code)
    {
        var map = Read("""<boundaryEvent id="refused" name="Refused" attachedToRef="task"><errorEventDefinition errorRef="Error_refused" /></boundaryEvent>""", activity);

        Validate(map).Where(p => p.IsError).Select(p => p.Code).ShouldBe(code is null ? [] : [code]);
    }

    [Fact]
    public void Two_boundaries_catching_the_same_code_on_one_activity_are_refused()
    {
        var map = Read("""
            <boundaryEvent id="refused" attachedToRef="task"><errorEventDefinition errorRef="Error_refused" /></boundaryEvent>
            <boundaryEvent id="again" name="Again" attachedToRef="task"><errorEventDefinition errorRef="Error_refused" /><outgoing>f4</outgoing></boundaryEvent>
            <sequenceFlow id="f4" sourceRef="again" targetRef="refused-end" />
            """);

        var problem = Validate(map).Where(p => p.IsError).ShouldHaveSingleItem();
        (problem.Code, problem.PointId).ShouldBe(("error.boundary-duplicate", "again"));
    }

    [Fact]
    public void An_error_boundary_without_a_flow_out_is_refused()
    {
        var map = Read("""<boundaryEvent id="refused" name="Refused" attachedToRef="task"><errorEventDefinition errorRef="Error_refused" /></boundaryEvent>""");
        map = map with { Flows = [.. map.Flows.Where(f => f.Id != "f3")] };

        Validate(map).Where(p => p.IsError).Select(p => p.Code).ShouldContain("boundary.outgoing-missing");
    }
}
