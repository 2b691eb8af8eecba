using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Errors;
using CrmBpm.Engine.Events;

namespace CrmBpm.Testing.Scenarios;

/// <summary>Start variables the map declares: required ones must be given, declared ones must have their type, others pass.</summary>
public abstract class StartVariableScenarios : EngineScenario
{
    private static RouteMap Approval() => new MapBuilder("approval")
        .StartVariable("amount", FormFieldType.Number, required: true, label: "Amount")
        .StartVariable("urgent", FormFieldType.Boolean)
        .StartVariable("due", FormFieldType.Date)
        .Start().Condition("big", "amount > 1000").Action("director").Action("manager").End()
        .Flow("start", "big").Yes("big", "director").No("big", "manager").Flow("director", "end").Flow("manager", "end")
        .Build();

    [Fact]
    public async Task Declared_start_variables_are_kept_with_the_published_version()
    {
        await Bpm.DeployAsync(Approval());

        var published = await Bpm.Maps.GetLatestPublishedAsync("approval");

        published.ShouldNotBeNull().StartVariables.Select(v => (v.Name, v.Type, v.Required, v.Label)).ShouldBe(
            [("amount", FormFieldType.Number, true, "Amount"), ("urgent", FormFieldType.Boolean, false, ""), ("due", FormFieldType.Date, false, "")]);
    }

    [Fact]
    public async Task An_instance_with_its_declared_variables_and_undeclared_extras_starts()
    {
        var instance = await Bpm.StartAsync(Approval(), new { amount = 5000, urgent = true, due = "2026-12-31", fromTheEmbeddingApp = "kept" });

        (await Bpm.TokenPointsAsync(instance.Id)).ShouldBe(["director"]);
        instance.Variables["fromTheEmbeddingApp"].GetString().ShouldBe("kept");
    }

    [Fact]
    public async Task A_missing_required_variable_is_refused_naming_it_and_starts_nothing()
    {
        var error = await Should.ThrowAsync<InputException>(() => Bpm.StartAsync(Approval(), new { urgent = true }));

        error.Code.ShouldBe("instance.start-variables");
        error.Problems.ShouldHaveSingleItem().Field.ShouldBe("amount");
        error.Message.ShouldContain("'Amount' (amount)");
        Bpm.Events.All.OfType<InstanceStarted>().ShouldBeEmpty();
    }

    [Fact]
    public async Task Values_of_the_wrong_type_are_refused_each_naming_its_variable()
    {
        var error = await Should.ThrowAsync<InputException>(() => Bpm.StartAsync(Approval(), new { amount = "lots", urgent = "yes", due = "soon" }));

        error.Problems.Select(p => p.Field).ShouldBe(["amount", "urgent", "due"]);
        error.Problems[0].Message.ShouldContain("must be a number");
        error.Problems[1].Message.ShouldContain("yes or no");
        error.Problems[2].Message.ShouldContain("a date");
    }
}
