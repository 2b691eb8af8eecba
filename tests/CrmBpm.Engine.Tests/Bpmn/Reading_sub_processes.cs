using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Tests.Bpmn.Corpus;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Sub-processes and event sub-processes read from real files: the <c>subProcess</c> is a point, its flow elements stand in
/// it (their scope), export writes them back nested inside it, and a collapsed sub-process's own plane stays the only
/// drawing of its inside.
/// </summary>
public sealed class Reading_sub_processes
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    private static string CorpusFile(string name) => Path.Combine(BpmnCorpus.Folder(), "files", name);

    /// <summary>Means the same and keeps every drawing and what other tools wrote, read back from its export.</summary>
    private static void ShouldReadBackTheSame(RouteMap map)
    {
        var again = RoundTrip([map]).ShouldHaveSingleItem();
        MapComparison.FirstDifference(map, again).ShouldBeNull();
        MapComparison.DrawingLost(map, again).ShouldBeNull();
        again.ShouldMeanTheSameAs(map with { Diagram = map.Diagram ?? AutoLayout.Create(map) });
    }

    private static XElement ElementWithId(XDocument document, string id) => document.Descendants().Single(e => (string?)e.Attribute("id") == id && e.Name.Namespace == Bpmn);

    [Fact]
    public void Flowable_s_sub_process_is_read_with_its_inside_publishes_and_is_written_back_nested()
    {
        var map = Import(CorpusFile("flowable_flowable-engine__modules_flowable-bpmn-converter_src_test_resources_dataobjectmodel.bpmn")).ShouldHaveSingleItem();

        var subProcess = map.Points.OfType<SubProcessPoint>().ShouldHaveSingleItem();
        subProcess.Id.ShouldBe("subprocess1");
        subProcess.TriggeredByEvent.ShouldBeFalse();
        map.Points.Where(p => p.ScopeId == "subprocess1").Select(p => p.Id).ShouldBe(["userTask2", "end2", "start2"], ignoreOrder: true);
        map.Flows.Where(f => f.ScopeId == "subprocess1").Select(f => f.Id).ShouldBe(["transition4", "transition3"]);
        map.Start.ShouldNotBeNull().Id.ShouldBe("start1");
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();

        var exported = XDocument.Parse(new BpmnExporter().Export(map));
        ElementWithId(exported, "userTask2").Parent!.Attribute("id")!.Value.ShouldBe("subprocess1");
        ElementWithId(exported, "transition3").Parent!.Attribute("id")!.Value.ShouldBe("subprocess1");
        ElementWithId(exported, "transition1").Parent!.Name.ShouldBe(Bpmn + "process");
        ShouldReadBackTheSame(map);
    }

    [Fact]
    public void Bpmn_js_s_event_sub_processes_keep_their_trigger_and_interrupting_flag_through_a_round_trip()
    {
        var map = Import(CorpusFile("bpmn-io_bpmn-js__test_fixtures_bpmn_event-sub-processes.bpmn")).ShouldHaveSingleItem();

        map.Points.OfType<SubProcessPoint>().Select(s => (s.Id, s.TriggeredByEvent)).ShouldBe([("SubProcess_1", true), ("SubProcess_2", true), ("SubProcess_3", false)]);
        var messageStart = map.Points.OfType<StartPoint>().Single(s => s.Id == "StartEvent_1");
        messageStart.ScopeId.ShouldBe("SubProcess_1");
        messageStart.MessageName.ShouldNotBeNull();
        messageStart.Interrupting.ShouldBeFalse();
        var xml = new BpmnExporter().Export(map);
        xml.ShouldContain("<bpmn:subProcess id=\"SubProcess_1\" triggeredByEvent=\"true\">");
        xml.ShouldContain("<bpmn:startEvent id=\"StartEvent_1\" isInterrupting=\"false\">");
        ShouldReadBackTheSame(map);
    }

    [Fact]
    public void Bpmn_js_s_collapsed_sub_processes_keep_their_own_planes_and_their_inside_is_never_drawn_twice()
    {
        var map = Import(CorpusFile("bpmn-io_bpmn-js__test_fixtures_bpmn_collapsed-sub-process.bpmn")).ShouldHaveSingleItem();

        map.Points.OfType<SubProcessPoint>().Single(s => s.Id == "collapsedProcess").HasOwnPlane.ShouldBeTrue();
        map.Points.OfType<SubProcessPoint>().Single(s => s.Id == "expandedProcess").HasOwnPlane.ShouldBeFalse();
        map.Points.Single(p => p.Id == "sid-AB14D824-C8B9-4211-B224-C5AF8CED8BBD").ScopeId.ShouldBe("collapsedProcess");
        map.Points.Single(p => p.Id == "sid-3B0273A0-FE3B-4525-9E1F-FBAE2F53C2E7").ScopeId.ShouldBe("expandedProcess");

        var exported = XDocument.Parse(new BpmnExporter().Export(map));
        var drawings = exported.Descendants(BpmnDi + "BPMNShape").GroupBy(s => (string)s.Attribute("bpmnElement")!).ToList();
        drawings.ShouldAllBe(g => g.Count() == 1);
        var mainPlane = exported.Descendants(BpmnDi + "BPMNPlane").Single(p => (string?)p.Attribute("bpmnElement") == "rootProcess");
        mainPlane.Elements(BpmnDi + "BPMNShape").ShouldNotContain(s => (string?)s.Attribute("bpmnElement") == "sid-AB14D824-C8B9-4211-B224-C5AF8CED8BBD");
        exported.Descendants(BpmnDi + "BPMNPlane").ShouldContain(p => (string?)p.Attribute("bpmnElement") == "collapsedProcess");
        ElementWithId(exported, "sid-AB14D824-C8B9-4211-B224-C5AF8CED8BBD").Parent!.Attribute("id")!.Value.ShouldBe("collapsedProcess");
        ShouldReadBackTheSame(map);
    }

    [Fact]
    public void A_map_built_in_code_with_event_sub_processes_reads_back_the_same()
    {
        var map = new RouteMap
        {
            Key = "order",
            Points =
            [
                new StartPoint { Id = "start" }, new ActionPoint { Id = "work", Performer = Performer.User("alice") }, new EndPoint { Id = "end" },
                new SubProcessPoint { Id = "on-signal", TriggeredByEvent = true },
                new StartPoint { Id = "signal-start", SignalName = "price-changed", Interrupting = false, ScopeId = "on-signal" },
                new EndPoint { Id = "signal-end", ScopeId = "on-signal" },
                new SubProcessPoint { Id = "on-error", TriggeredByEvent = true },
                new StartPoint { Id = "error-start", Error = new ErrorDefinition("Error_refused", "refused"), ScopeId = "on-error" },
                new EndPoint { Id = "error-end", ScopeId = "on-error" },
                new SubProcessPoint { Id = "on-message", TriggeredByEvent = true },
                new StartPoint { Id = "message-start", MessageName = "cancel", CorrelationKey = "orderId", ScopeId = "on-message" },
                new EndPoint { Id = "message-end", ScopeId = "on-message" },
            ],
            // In the order a file lists them once read: each sub-process's inside first, then its scope's own flows.
            Flows =
            [
                new Flow { Id = "f3", SourceId = "signal-start", TargetId = "signal-end", ScopeId = "on-signal" },
                new Flow { Id = "f4", SourceId = "error-start", TargetId = "error-end", ScopeId = "on-error" },
                new Flow { Id = "f5", SourceId = "message-start", TargetId = "message-end", ScopeId = "on-message" },
                new Flow { Id = "f1", SourceId = "start", TargetId = "work" }, new Flow { Id = "f2", SourceId = "work", TargetId = "end" },
            ],
        };

        Validate(map).ShouldBeEmpty();
        // Export declares the signal, message and error it names, which a map built in code did not carry: only the meaning is compared.
        MapComparison.FirstDifference(map, RoundTrip([map]).ShouldHaveSingleItem()).ShouldBeNull();
    }
}
