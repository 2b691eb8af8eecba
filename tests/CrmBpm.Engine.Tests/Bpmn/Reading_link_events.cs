using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Tests.Bpmn.Corpus;
using CrmBpm.Engine.Validation;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Link events read from files: a throw or catch event whose one definition is a <c>linkEventDefinition</c> becomes a Go to
/// link or a Link point carrying the definition's name, publishes when they pair up, and is written back the same.
/// </summary>
public sealed class Reading_link_events
{
    private const string Linked = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL">
          <process id="p">
            <startEvent id="s" />
            <intermediateThrowEvent id="go" name="To page 2"><linkEventDefinition id="def-1" name="page-2" /></intermediateThrowEvent>
            <intermediateCatchEvent id="land" name="From page 1"><linkEventDefinition name="page-2" /></intermediateCatchEvent>
            <endEvent id="e" />
            <sequenceFlow id="f1" sourceRef="s" targetRef="go" />
            <sequenceFlow id="f2" sourceRef="land" targetRef="e" />
          </process>
        </definitions>
        """;

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    [Fact]
    public void A_throw_and_a_catch_link_read_as_link_points_that_publish_and_read_back_the_same()
    {
        var map = new BpmnImporter().ImportXml(Linked).ShouldHaveSingleItem();

        map.Points.OfType<LinkThrowPoint>().ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.LinkName.ShouldBe("page-2"), p => p.Name.ShouldBe("To page 2"));
        map.Points.OfType<LinkCatchPoint>().ShouldHaveSingleItem().LinkName.ShouldBe("page-2");
        Validate(map).Where(p => p.IsError).ShouldBeEmpty();
        var exported = new BpmnExporter().Export(map);
        exported.ShouldContain("<bpmn:intermediateThrowEvent id=\"go\" name=\"To page 2\">");
        exported.ShouldContain("<bpmn:linkEventDefinition name=\"page-2\" />");
        RoundTrip([map]).ShouldMeanTheSameAs([map with { Diagram = map.Diagram ?? AutoLayout.Create(map) }]);
    }

    [Fact]
    public void A_link_definition_naming_its_source_or_target_stays_kept()
    {
        var xml = Linked.Replace("""<linkEventDefinition name="page-2" />""", """<linkEventDefinition name="page-2"><source>def-1</source></linkEventDefinition>""", StringComparison.Ordinal);

        var map = new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();

        map.Points.OfType<KeptPoint>().ShouldHaveSingleItem().Id.ShouldBe("land");
        Validate(map).ShouldContain(p => p.Code == "point.not-run-yet" && p.PointId == "land");
    }

    [Fact]
    public void Bpmn_js_s_link_fixture_opens_with_unnamed_links_that_say_what_they_lack()
    {
        var map = Import(Path.Combine(BpmnCorpus.Folder(), "files", "bpmn-io_bpmn-js__test_fixtures_bpmn_features_rules_link-event.bpmn")).ShouldHaveSingleItem();

        map.Points.OfType<LinkCatchPoint>().ShouldHaveSingleItem().LinkName.ShouldBe("");
        map.Points.OfType<LinkThrowPoint>().ShouldHaveSingleItem().LinkName.ShouldBe("");
        Validate(map).Where(p => p.Code == "link.name-missing").Select(p => p.PointId).ShouldBe(["IntermediateThrowEvent", "IntermediateCatchEvent"], ignoreOrder: true);
    }
}
