using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Tests.Bpmn.Corpus;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Multi-instance loops as the corpus's Camunda, Flowable and bpmn-js files write them (taken from those files, put on a call
/// activity), and as Zeebe writes them: each reads as the same loop, publishes, runs, and exports back for its engine.
/// </summary>
public sealed class Reading_multi_instance_of_other_engines : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    public static TheoryData<string, int, MultiInstance> CorpusLoops => new()
    {
        {
            "camunda_camunda-bpm-examples__spring-boot-starter_external-task-client_loan-granting-spring-boot-webapp_src_main_resources_bpmn_loan-granting.bpmn", 0,
            new MultiInstance { CollectionVariable = "creditScores", ElementVariable = "score" }
        },
        {
            "camunda_camunda-bpm-examples__quarkus-extension_spin-plugin-example_src_main_resources_process.bpmn", 0,
            new MultiInstance { CollectionVariable = "orderItems", ElementVariable = "orderItem", IsSequential = true }
        },
        {
            "flowable_flowable-engine__modules_flowable-engine_src_test_resources_org_flowable_examples_bpmn_tasklistener_TaskListenerTest.throwBpmnErrorCatchEventSubProcessMultiInstance.bpmn20", 0,
            new MultiInstance { CollectionVariable = "elements", ElementVariable = "element" }
        },
        {
            "flowable_flowable-engine__modules_flowable-bpmn-converter_src_test_resources_subprocessmodel.bpmn", 0,
            new MultiInstance { LoopCardinality = "10", CompletionCondition = "${assignee == \"\"}", IsSequential = true }
        },
    };

    [Theory]
    [MemberData(nameof(CorpusLoops))]
    public void A_corpus_loop_on_a_call_activity_reads_publishes_and_exports_back_the_same(string file, int which, MultiInstance expected)
    {
        var map = CallActivityWith(CorpusLoop(file, which));

        var nested = map.Points.OfType<NestedProcessPoint>().Single();
        nested.MultiInstance.ShouldBe(expected);
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
        RoundTrip([map]).Single().Points.OfType<NestedProcessPoint>().Single().MultiInstance.ShouldBe(expected);
    }

    [Fact]
    public async Task Camunda_s_sequential_loop_runs_one_child_per_order_item_in_order()
    {
        await _bpm.DeployAsync(new MapBuilder("child").Start().Action("inner", configure: a => a with { TitleTemplate = "Store {orderItem}" }).End().Flow("start", "inner", "end").Build());
        var map = CallActivityWith(CorpusLoop("camunda_camunda-bpm-examples__quarkus-extension_spin-plugin-example_src_main_resources_process.bpmn", 0));

        var instance = await _bpm.StartAsync(map, new { orderItems = new[] { "tea", "milk" } });

        (await _bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem().Title.ShouldBe("Store tea");
        await _bpm.CompleteAsync(instance.Id, "inner");
        (await _bpm.OpenTasksAsync(instance.Id)).ShouldHaveSingleItem().Title.ShouldBe("Store milk");
    }

    [Fact]
    public void A_Zeebe_loop_reads_its_FEEL_collection_and_output_and_exports_back_as_Zeebe_s()
    {
        const string Loop = """
            <bpmn:multiInstanceLoopCharacteristics isSequential="true">
              <bpmn:extensionElements>
                <zeebe:loopCharacteristics inputCollection="= order.items" inputElement="item" outputCollection="results" outputElement="= result" />
              </bpmn:extensionElements>
              <bpmn:completionCondition xsi:type="bpmn:tFormalExpression">= numberOfCompletedInstances &gt;= 2</bpmn:completionCondition>
            </bpmn:multiInstanceLoopCharacteristics>
            """;
        var map = Zeebe(Loop);

        var multi = map.Points.OfType<NestedProcessPoint>().Single().MultiInstance;
        multi.ShouldBe(new MultiInstance
        {
            CollectionExpression = "= order.items", ElementVariable = "item", IsSequential = true,
            CompletionCondition = "= numberOfCompletedInstances >= 2", ResultCollection = "results", ResultElement = "= result",
        });
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
        var xml = new BpmnExporter().Export(map);
        xml.ShouldContain("<zeebe:loopCharacteristics inputCollection=\"= order.items\" inputElement=\"item\" outputCollection=\"results\" outputElement=\"= result\" />");
        new BpmnImporter().ImportXml(xml).Single().Points.OfType<NestedProcessPoint>().Single().MultiInstance.ShouldBe(multi);
    }

    [Fact]
    public void A_call_activity_loop_that_names_neither_a_list_nor_a_count_is_kept_and_does_not_run()
    {
        var result = Read(CorpusFile("bpmn-io_bpmn-js__test_fixtures_bpmn_draw_activity-markers.bpmn"));

        var kept = result.Maps.SelectMany(m => m.Points).OfType<KeptPoint>().Where(k => k.Element == "callActivity").ToList();
        kept.Count.ShouldBeGreaterThanOrEqualTo(2);
        result.Maps.SelectMany(m => m.Points).OfType<NestedProcessPoint>().ShouldAllBe(n => n.MultiInstance == null);
    }

    [Fact]
    public void Flowable_s_collection_handler_class_is_kept_and_does_not_run()
    {
        var loop = CorpusLoop("flowable_flowable-engine__modules_flowable-bpmn-converter_src_test_resources_multiinstancemodel.bpmn", 2);
        loop.Descendants().ShouldContain(e => e.Name.LocalName == "collection");

        var map = CallActivityWith(loop);

        map.Points.OfType<KeptPoint>().ShouldHaveSingleItem().Element.ShouldBe("callActivity");
        Validate(map).ShouldContain(p => p.Code == "point.not-run-yet");
    }

    private static string CorpusFile(string name) => Path.Combine(BpmnCorpus.Folder(), "files", name);

    /// <summary>The <paramref name="which"/>th multi-instance loop of a corpus file, as written there.</summary>
    private static XElement CorpusLoop(string file, int which) =>
        XDocument.Load(CorpusFile(file)).Descendants().Where(e => e.Name.LocalName == "multiInstanceLoopCharacteristics").ElementAt(which);

    private static RouteMap Zeebe(string loop) => ImportXml(File(loop));

    private static RouteMap CallActivityWith(XElement loop)
    {
        // Written with the BPMN namespace of the file it came from, so it reads as a child of our call activity.
        var bpmn = XNamespace.Get(BpmnNamespaces.Model);
        foreach (var element in loop.DescendantsAndSelf().Where(e => e.Name.NamespaceName == loop.Name.NamespaceName))
        {
            element.Name = bpmn + element.Name.LocalName;
        }

        return ImportXml(File(loop.ToString(SaveOptions.DisableFormatting)));
    }

    private static RouteMap ImportXml(string xml) => new BpmnImporter().ImportXml(xml).Single();

    private static BpmnImportResult Read(string path) => BpmnTestFiles.Read(path);

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()),
            key => new MapBuilder(key).Start().End().Flow("start", "end").Build() with { Status = RouteMapStatus.Published }));

    /// <summary>start → a call activity of "child" holding <paramref name="loop"/> → end.</summary>
    private static string File(string loop) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:flowable="http://flowable.org/bpmn" xmlns:activiti="http://activiti.org/bpmn" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
          <bpmn:process id="loops" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="call" />
            <bpmn:callActivity id="call" name="Each" calledElement="child">{loop}</bpmn:callActivity>
            <bpmn:sequenceFlow id="f2" sourceRef="call" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
