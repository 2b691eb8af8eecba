using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>The map's declared start variables have names expressions can read, each once, and a type the start form can ask for.</summary>
public sealed class StartVariablesRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        foreach (var variable in map.StartVariables)
        {
            if (!ActionPropertiesRule.IsIdentifier(variable.Name))
            {
                yield return new("start-variable.name", map.Start?.Id,
                    $"Start variable '{variable.Name}' needs a name of letters, digits and _ that does not start with a digit.");
            }

            if (variable.Type == FormFieldType.Choice)
            {
                yield return new("start-variable.type", map.Start?.Id,
                    $"Start variable '{variable.Name}' is a choice, which a start variable cannot be; make it text, number, yes/no or date.");
            }
        }

        foreach (var duplicate in map.StartVariables.GroupBy(v => v.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new("start-variable.duplicate", map.Start?.Id, $"The map declares the start variable '{duplicate.Key}' {duplicate.Count()} times.");
        }
    }
}
