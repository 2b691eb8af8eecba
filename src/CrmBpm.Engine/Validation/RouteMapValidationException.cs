using CrmBpm.Engine.Errors;

namespace CrmBpm.Engine.Validation;

/// <summary>Publishing (or starting) was refused because the route map has problems; all of them are listed.</summary>
public sealed class RouteMapValidationException(string mapKey, IReadOnlyList<ValidationProblem> problems)
    : CrmBpmException("routemap.invalid", $"Route map '{mapKey}' has {problems.Count} problem(s): " + string.Join(" ", problems.Select(p => p.ToString())))
{
    /// <summary>The map concerned.</summary>
    public string MapKey { get; } = mapKey;

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
