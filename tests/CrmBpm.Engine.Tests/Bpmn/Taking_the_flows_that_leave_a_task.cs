using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Tests.Bpmn.Corpus;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Conditions on the flows leaving a user task, a call activity or a plain task, and the task's <c>default</c> flow, are
/// read into the model, written back as BPMN says, and run: the flows whose conditions hold are taken (BPMN's implicit split).
/// </summary>
public sealed class Taking_the_flows_that_leave_a_task : IAsyncLifetime
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    private static RouteMap ReadXml(string task) =>
        new BpmnImporter().ImportXml($$"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <process id="p">
                <startEvent id="s" />
                {{task}}
                <userTask id="big" camunda:assignee="anna" />
                <userTask id="small" camunda:assignee="anna" />
                <endEvent id="e" />
                <sequenceFlow id="f0" sourceRef="s" targetRef="t" />
                <sequenceFlow id="toBig" sourceRef="t" targetRef="big">
                  <conditionExpression xsi:type="tFormalExpression">${amount &gt; 1000}</conditionExpression>
                </sequenceFlow>
                <sequenceFlow id="toSmall" sourceRef="t" targetRef="small" />
                <sequenceFlow id="f3" sourceRef="big" targetRef="e" />
                <sequenceFlow id="f4" sourceRef="small" targetRef="e" />
              </process>
            </definitions>
            """).ShouldHaveSingleItem();

    [Theory]
    [InlineData("""<userTask id="t" camunda:assignee="anna" default="toSmall" />""")]
    [InlineData("""<callActivity id="t" calledElement="scoring" default="toSmall" />""")]
    [InlineData("""<task id="t" default="toSmall" />""")]
    [InlineData("""<manualTask id="t" default="toSmall" />""")]
    public void The_conditions_and_the_default_flow_of_a_task_are_read_into_the_model_not_kept_as_foreign_text(string task)
    {
        var map = ReadXml(task);

        var source = map.FindPoint("t").ShouldBeAssignableTo<IHasDefaultFlow>().ShouldNotBeNull();
        source.DefaultFlowId.ShouldBe("toSmall");
        map.FindPoint("t")!.Foreign?.Attributes.ShouldNotContain(a => a.LocalName == "default");
        map.FindFlow("toBig")!.Condition.ShouldBe("${amount > 1000}");
        map.FindFlow("toSmall")!.Condition.ShouldBeNull();
    }

    [Theory]
    [InlineData("""<userTask id="t" camunda:assignee="anna" default="toSmall" />""")]
    [InlineData("""<callActivity id="t" calledElement="scoring" default="toSmall" />""")]
    [InlineData("""<task id="t" default="toSmall" />""")]
    public void Import_export_and_import_again_give_the_same_map(string task)
    {
        var map = ReadXml(task);

        var again = new BpmnImporter().ImportXml(new BpmnExporter().Export(map)).ShouldHaveSingleItem();

        MapComparison.FirstDifference(map, again).ShouldBeNull();
        again.Flows.Single(f => f.Id == "toBig").Condition.ShouldBe("${amount > 1000}");
    }

    [Fact]
    public void The_export_writes_the_default_on_the_task_and_each_condition_on_its_flow_in_the_language_it_is_written_in()
    {
        var map = new MapBuilder("m").Start().Action("review", configure: a => a with { DefaultFlowId = "review->small" }).Action("big").Action("vip").Action("small").End()
            .Flow("start", "review").Case("review", "big", "${amount > 1000}").Case("review", "vip", "segment === 'vip'").Case("review", "small", null)
            .Flow("big", "end").Flow("vip", "end").Flow("small", "end").Build();

        var process = XDocument.Parse(new BpmnExporter().Export(map)).Descendants(Bpmn + "process").Single();

        var review = process.Elements(Bpmn + "userTask").Single(t => (string?)t.Attribute("id") == "review");
        ((string?)review.Attribute("default")).ShouldBe("review->small");
        XElement? ConditionOf(string flowId) => process.Elements(Bpmn + "sequenceFlow").Single(f => (string?)f.Attribute("id") == flowId).Element(Bpmn + "conditionExpression");
        ConditionOf("review->big").ShouldNotBeNull().Attribute("language").ShouldBeNull("JUEL is other engines' default language");
        ((string?)ConditionOf("review->vip").ShouldNotBeNull().Attribute("language")).ShouldBe("javascript");
        ConditionOf("review->small").ShouldBeNull("the default flow has no condition");
    }

    [Theory]
    [InlineData("A", "sid-6BE2FF1B-51B7-441F-A2A8-72285810FDB1")]
    [InlineData("B", "sid-FB6CC0EC-C019-4C8C-B860-318737AA947A")]
    public async Task A_task_of_a_real_bpmn_js_file_takes_its_flow_without_a_condition_and_the_one_whose_JUEL_condition_holds(string selectedFlow, string expected)
    {
        // bpmn-js's conditional-flow fixture: task A leads to C when #{selectedFlow=='A'}, to B when #{selectedFlow=='B'},
        // and always to T1. The file is a drawing (no start event), so it is stored
        // as it is read, without validation, and started at A; what counts is where A sends its tokens.
        const string taskA = "sid-D0D3D1AD-750F-498E-B7E3-A2069571F489";
        const string taskT1 = "sid-88D4DFBF-A30A-4A01-958F-81D460034146";
        var file = BpmnCorpus.Files().Single(f => f.Path.EndsWith("bpmn-io_bpmn-js__test_fixtures_bpmn_draw_conditional-flow.bpmn", StringComparison.Ordinal));
        var map = BpmnTestFiles.Import(file.Path).ShouldHaveSingleItem() with { Status = RouteMapStatus.Published };
        await _bpm.Store.SaveRouteMapAsync(map);

        var instance = await _bpm.Engine.StartAsync(map.Key, new StartOptions
        {
            StartAtPointId = taskA,
            Variables = new Dictionary<string, object?> { ["selectedFlow"] = selectedFlow },
        });

        var moves = (await _bpm.Engine.GetHistoryAsync(instance.Id)).Where(h => h.Kind == HistoryKind.TokenMoved && h.FromPointId == taskA);
        moves.Select(h => h.PointId).Order(StringComparer.Ordinal).ShouldBe(new[] { expected, taskT1 }.Order(StringComparer.Ordinal));
    }
}
