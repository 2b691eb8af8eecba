using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>A map that publishes exports, and its export reads back as the same map; what cannot is a validation problem, never a 500.</summary>
public sealed class Exporting_every_map_that_publishes
{
    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    [Fact]
    public void A_foreign_prefix_that_clashes_with_a_built_in_one_exports_and_reads_back_the_same()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">
              <bpmn:process id="p">
                <bpmn:startEvent id="start"><bpmn:extensionElements><dc:vendor xmlns:dc="urn:vendor" dc:x="1" /></bpmn:extensionElements></bpmn:startEvent>
                <bpmn:endEvent id="end" />
                <bpmn:sequenceFlow id="f" sourceRef="start" targetRef="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        var map = new BpmnImporter().ImportXml(xml).ShouldHaveSingleItem();
        Validate(map).ShouldBeEmpty();

        var again = new BpmnImporter().ImportXml(new BpmnExporter().Export(map)).ShouldHaveSingleItem();

        again.ShouldMeanTheSameAs(map with { Diagram = AutoLayout.Create(map) });
    }

    [Fact]
    public void A_flow_id_of_three_spaces_does_not_publish()
    {
        var map = new MapBuilder("m").Start().End().Add(new Flow { Id = "   ", SourceId = "start", TargetId = "end" }).Build();

        Validate(map).ShouldContain(p => p.Code == "id.empty" && p.Message.Contains("no id"));
    }

    [Fact]
    public void An_id_with_surrounding_blanks_does_not_publish()
    {
        var map = new MapBuilder("m").Start().End().Add(new Flow { Id = " f ", SourceId = "start", TargetId = "end" }).Build();

        Validate(map).ShouldContain(p => p.Code == "id.blanks" && p.PointId == " f ");
    }

    [Fact]
    public void A_name_the_exporter_cannot_write_is_a_problem_not_an_exception()
    {
        var map = new MapBuilder("m").Start().End().Flow("start", "end").Build();
        map = map with { Points = [.. map.Points.Select(p => p is EndPoint e ? e with { Name = "bad\u0001name" } : p)] };

        Validate(map).ShouldContain(p => p.Code == "map.not-exportable");
    }

    [Fact]
    public void An_expression_the_parser_throws_on_is_a_problem_at_its_point()
    {
        var expression = string.Join(" && ", Enumerable.Repeat("a", 302));
        var map = new MapBuilder("m").Start().Condition("c", expression).End().End("end2")
            .Flow("start", "c").Yes("c", "end").No("c", "end2").Build();

        var problems = Validate(map);

        problems.ShouldAllBe(p => p.Code == "expression.syntax" || p.Code == "map.not-exportable");
    }

    [Fact]
    public void A_description_with_windows_line_breaks_reads_back_unchanged()
    {
        var map = new MapBuilder("m").Start().Action("a", configure: a => a with { Description = "first\r\nsecond\rthird" }).End().Flow("start", "a", "end").Build();
        Validate(map).ShouldBeEmpty();

        var again = new BpmnImporter().ImportXml(new BpmnExporter().Export(map)).ShouldHaveSingleItem();

        again.Points.OfType<ActionPoint>().Single().Description.ShouldBe("first\r\nsecond\rthird");
    }

    [Theory]
    [InlineData(" Accept")]
    [InlineData("Accept\u00A0")]
    public void An_outcome_the_export_would_trim_does_not_publish(string outcome)
    {
        var map = new MapBuilder("m").Start().Action("a", configure: a => a with { Outcomes = [outcome] }).End().Flow("start", "a", "end").Build();

        Validate(map).ShouldContain(p => p.Code == "map.not-exportable" && p.PointId == "a");
    }

    [Fact]
    public void A_user_id_with_surrounding_blanks_does_not_publish()
    {
        var map = new MapBuilder("m").Start().Action("a", user: " alice ").End().Flow("start", "a", "end").Build();

        Validate(map).ShouldContain(p => p.Code == "map.not-exportable" && p.PointId == "a" && p.Message.Contains("Performer"));
    }
}
