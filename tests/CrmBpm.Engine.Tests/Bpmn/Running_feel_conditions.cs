using System.Xml.Linq;
using CrmBpm.Engine.Bpmn;
using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;
using CrmBpm.Engine.Tests.Bpmn.Corpus;
using static CrmBpm.Engine.Tests.Bpmn.BpmnTestFiles;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>Conditions of imported Camunda 8 files are FEEL: they run with FEEL's rules and go back to the file as written.</summary>
public sealed class Running_feel_conditions : IAsyncLifetime
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    [Theory]
    [InlineData("approved", 3, "merge")]
    [InlineData("changes requested", 3, "rework")]
    [InlineData("approved", 40, "ask")] // too many changes: no condition holds, the default flow is taken
    public async Task An_exclusive_gateway_takes_the_flow_whose_FEEL_condition_holds(string reviewResult, int changes, string expected)
    {
        var map = Import(Fixture("zeebe-review.bpmn")).Single();

        var instance = await _bpm.StartAsync(map, new { reviewResult, changes });

        (await _bpm.InstanceAsync(instance.Id)).IncidentMessage.ShouldBeNull();
        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe([expected]);
    }

    [Fact]
    public async Task A_missing_variable_is_null_in_FEEL_so_no_condition_holds_and_the_default_flow_is_taken()
    {
        var map = Import(Fixture("zeebe-review.bpmn")).Single();

        var instance = await _bpm.StartAsync(map);

        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["ask"]);
    }

    [Fact]
    public async Task A_condition_that_gives_null_raises_an_incident_as_any_condition_that_is_not_true_or_false()
    {
        // "changes" is a text: "3" > 10 compares values of different kinds, which is null in FEEL; not(null) is null,
        // and "approved" = "approved" and null is null. Zeebe raises an incident for a non-boolean condition too.
        var map = Import(Fixture("zeebe-review.bpmn")).Single();

        var instance = await _bpm.StartAsync(map, new { reviewResult = "approved", changes = "3" });

        var current = await _bpm.InstanceAsync(instance.Id);
        current.Status.ShouldBe(InstanceStatus.Incident);
        current.IncidentMessage.ShouldNotBeNull().ShouldContain("must give true or false, but gave null");
    }

    [Fact]
    public void A_map_with_FEEL_conditions_can_be_published() =>
        Validate(Import(Fixture("zeebe-review.bpmn")).Single()).AllowPublishing().ShouldBeTrue();

    [Fact]
    public void FEEL_conditions_are_exported_as_written_without_a_language()
    {
        var maps = Import(Fixture("zeebe-review.bpmn"));

        var exported = XDocument.Parse(new BpmnExporter().Export(maps));

        var conditions = exported.Descendants(Bpmn + "conditionExpression").ToList();
        conditions.Select(c => c.Value).ShouldBe(["= reviewResult = \"approved\" and not(changes > 10)", "= reviewResult in (\"rejected\", \"changes requested\")"], ignoreOrder: true);
        conditions.ShouldAllBe(c => c.Attribute("language") == null);
        MapComparison.FirstDifference(maps.Single(), RoundTrip(maps).Single()).ShouldBeNull();
    }

    [Fact]
    public void FEEL_outside_the_subset_fails_validation_quoting_the_condition_and_naming_what_is_not_run()
    {
        var text = File.ReadAllText(Fixture("zeebe-review.bpmn"))
            .Replace("= reviewResult in (\"rejected\", \"changes requested\")", "= some r in reviews satisfies r = \"rejected\"", StringComparison.Ordinal);
        var map = new BpmnImporter().ImportXml(text).Single();

        var problem = Validate(map).Single(p => p.Code == "expression.syntax");

        problem.FlowId.ShouldBe("toRework");
        problem.Message.ShouldContain("'= some r in reviews satisfies r = \"rejected\"' is not a valid expression: it is not a FEEL expression CrmBpm can run: 'some' at column 3 is FEEL that CrmBpm does not run");
    }

    [Theory]
    [InlineData("camunda_zeebe-process-test__qa_src_test_resources_pr-created.bpmn", "= reviewResult = \"approved\"")]
    [InlineData("camunda_zeebe-process-test__qa_abstracts_src_main_resources_looping-servicetask.bpmn", "= loopAmount != totalLoops")]
    public void The_FEEL_conditions_of_collected_Zeebe_files_are_kept_and_pass_validation(string file, string condition)
    {
        var path = Path.Combine(BpmnCorpus.RepositoryRoot(), "tests", "CrmBpm.Engine.Tests", "Bpmn", "Corpus", "Collected", "files", file);
        var maps = Import(path);

        maps.SelectMany(m => m.Flows).Select(f => f.Condition).ShouldContain(condition);
        maps.SelectMany(Validate).Where(p => p.Code == "expression.syntax").ShouldBeEmpty();
    }

    private static IReadOnlyList<ValidationProblem> Validate(RouteMap map) =>
        new RouteMapValidator().Validate(map, new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));
}
