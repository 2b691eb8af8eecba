using CrmBpm.Engine.Definitions;
using CrmBpm.Engine.Expressions;
using CrmBpm.Engine.Validation;
using CrmBpm.Testing;

namespace CrmBpm.Engine.Tests.Validation;

/// <summary>Declared start variables need names expressions can read, each once, and a type the start form can ask for.</summary>
public sealed class Checking_start_variables
{
    private static IReadOnlyList<ValidationProblem> Validate(MapBuilder map) =>
        new RouteMapValidator().Validate(map.Start().End().Flow("start", "end").Build(), new ValidationContext(new ExpressionEvaluator(new ExpressionLimits()), _ => null));

    [Fact]
    public void Well_named_variables_of_every_offered_type_publish()
    {
        Validate(new MapBuilder("m").StartVariable("amount", FormFieldType.Number).StartVariable("_ok", FormFieldType.Boolean)
            .StartVariable("due", FormFieldType.Date).StartVariable("note")).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("deal amount")]
    [InlineData("")]
    public void A_name_expressions_cannot_read_is_an_error(string name)
    {
        var problem = Validate(new MapBuilder("m").StartVariable(name)).ShouldHaveSingleItem();

        problem.Code.ShouldBe("start-variable.name");
        problem.IsError.ShouldBeTrue();
        problem.Message.ShouldContain($"'{name}'");
    }

    [Fact]
    public void A_name_declared_twice_is_an_error()
    {
        var problem = Validate(new MapBuilder("m").StartVariable("amount", FormFieldType.Number).StartVariable("amount")).ShouldHaveSingleItem();

        problem.Code.ShouldBe("start-variable.duplicate");
        problem.Message.ShouldContain("'amount' 2 times");
    }

    [Fact]
    public void A_choice_is_not_a_start_variable_type()
    {
        Validate(new MapBuilder("m").StartVariable("kind", FormFieldType.Choice)).ShouldHaveSingleItem().Code.ShouldBe("start-variable.type");
    }
}
