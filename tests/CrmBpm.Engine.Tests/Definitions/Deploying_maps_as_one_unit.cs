using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Runtime;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Definitions;

/// <summary>
/// An embedder deploys the maps of one file, or a caller with the maps it calls, as one unit and in any order: all are
/// published (called maps first) or none is saved; a single map with errors leaves no draft behind either.
/// </summary>
public sealed class Deploying_maps_as_one_unit : IAsyncLifetime
{
    private readonly EngineHarness _bpm = new(bpm => bpm.UseInMemoryStore());

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bpm.DisposeAsync();

    [Fact]
    public async Task A_caller_given_before_the_map_it_calls_is_deployed_with_it_and_runs()
    {
        var caller = new MapBuilder("order").Start().Nested("ship", "shipping").End().Flow("start", "ship", "end").Build();
        var called = new MapBuilder("shipping").Start().Action("pack").End().Flow("start", "pack", "end").Build();

        var deployed = await _bpm.Maps.DeployAsync([caller, called]);

        deployed.Select(m => (m.Key, m.Status)).ShouldBe([("order", RouteMapStatus.Published), ("shipping", RouteMapStatus.Published)]);
        var instance = await _bpm.StartAsync(deployed[0]);
        (await _bpm.TokenPointsAsync(instance.Id)).ShouldBe(["ship"]);
    }

    [Fact]
    public async Task When_one_map_of_the_unit_has_errors_none_is_saved_and_the_message_names_each()
    {
        var caller = new MapBuilder("claim").Start().Nested("check", "checking").End().Flow("start", "check", "end").Build();
        var broken = new MapBuilder("checking").Start().Action("look").Build(); // no end, a dead end
        var alsoBroken = new MapBuilder("lonely").Action("alone").Build();

        var refused = await Should.ThrowAsync<RouteMapValidationException>(() => _bpm.Maps.DeployAsync([caller, broken, alsoBroken]));

        refused.MapKey.ShouldStartWith("checking");
        refused.Message.ShouldContain("'lonely'");
        refused.Problems.ShouldNotBeEmpty();
        (await _bpm.Maps.GetVersionsAsync("claim")).ShouldBeEmpty("nothing of a refused unit is saved");
        (await _bpm.Maps.GetVersionsAsync("checking")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_single_map_with_errors_leaves_no_draft_behind()
    {
        await Should.ThrowAsync<RouteMapValidationException>(() => _bpm.Maps.DeployAsync(new MapBuilder("half").Start().Action("only").Build()));

        (await _bpm.Maps.GetVersionsAsync("half")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_key_twice_in_a_unit_is_refused_by_name()
    {
        var map = new MapBuilder("twice").Start().End().Flow("start", "end").Build();

        var refused = await Should.ThrowAsync<CrmBpm.Engine.Errors.InputException>(() => _bpm.Maps.DeployAsync([map, map]));

        refused.Message.ShouldContain("'twice' is given twice");
    }
}
