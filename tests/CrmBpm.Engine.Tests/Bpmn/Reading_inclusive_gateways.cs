using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Tests.Bpmn.Corpus;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// An <c>inclusiveGateway</c> is an inclusive gateway point: its <c>default</c> and its flows' conditions are read, written
/// back as they came, and run — Flowable's own test file of the element included.
/// </summary>
public sealed class Reading_inclusive_gateways : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    private static RouteMap FlowableFile()
    {
        var file = BpmnCorpus.Files().Single(f => f.Path.EndsWith("InclusiveGatewayTest.testDecisionFunctionality.bpmn20.xml", StringComparison.Ordinal));
        return Import(file.Path).ShouldHaveSingleItem();
    }

    private static RouteMap ReadXml(string gateways) =>
        new BpmnImporter().ImportXml($$"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
              <process id="p">
                <startEvent id="s" />
                {{gateways}}
                <userTask id="a" camunda:assignee="anna" />
                <userTask id="b" camunda:assignee="anna" />
                <endEvent id="e" />
                <sequenceFlow id="f0" sourceRef="s" targetRef="fork" />
                <sequenceFlow id="fa" sourceRef="fork" targetRef="a"><conditionExpression>${x > 1}</conditionExpression></sequenceFlow>
                <sequenceFlow id="fb" sourceRef="fork" targetRef="b" />
                <sequenceFlow id="ja" sourceRef="a" targetRef="join" />
                <sequenceFlow id="jb" sourceRef="b" targetRef="join" />
                <sequenceFlow id="je" sourceRef="join" targetRef="e" />
              </process>
            </definitions>
            """).ShouldHaveSingleItem();

    [Fact]
    public void A_split_and_a_join_are_inclusive_points_that_read_back_the_same_and_publish()
    {
        var map = ReadXml("""<inclusiveGateway id="fork" name="Checks" default="fb" camunda:asyncBefore="true" /><inclusiveGateway id="join" />""");

        var fork = map.Points.OfType<InclusivePoint>().First();
        (fork.Id, fork.Name, fork.DefaultFlowId).ShouldBe(("fork", "Checks", "fb"));
        map.Points.OfType<InclusivePoint>().Select(p => p.Id).ShouldBe(["fork", "join"]);
        map.Points.OfType<KeptPoint>().ShouldBeEmpty();
        var xml = new BpmnExporter().Export(map);
        xml.ShouldContain("<bpmn:inclusiveGateway id=\"fork\" name=\"Checks\" default=\"fb\" camunda:asyncBefore=\"true\">");
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = AutoLayout.Create(map) }]);
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
    }

    [Fact]
    public void A_default_flow_that_carries_a_condition_is_refused_as_on_a_task()
    {
        var map = ReadXml("""<inclusiveGateway id="fork" default="fa" /><inclusiveGateway id="join" />""");

        Validate(map).ShouldContain(p => p.Code == "point.default-with-condition" && p.PointId == "fork");
    }

    [Fact]
    public void Flowables_inclusive_gateway_test_file_opens_without_a_kept_point_and_publishes()
    {
        var map = FlowableFile();

        map.Points.OfType<InclusivePoint>().ShouldHaveSingleItem().Name.ShouldBe("Inclusive Gateway");
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(1, new[] { "theTask1", "theTask2", "theTask3" })]
    [InlineData(2, new[] { "theTask2", "theTask3" })]
    [InlineData(3, new[] { "theTask3" })]
    public async Task Flowables_inclusive_gateway_test_file_runs_as_in_Flowable(int input, string[] expected)
    {
        // Flowable's InclusiveGatewayTest.testDecisionFunctionality expects the same tasks for the same input.
        var map = FlowableFile();
        await _bpm.DeployAsync(map);

        var instance = await _bpm.Engine.StartAsync(map.Key, new StartOptions { Variables = new Dictionary<string, object?> { ["input"] = input } });

        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(expected);
    }
}
