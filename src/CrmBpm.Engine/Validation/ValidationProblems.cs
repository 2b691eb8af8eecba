namespace CrmBpm.Engine.Validation;

/// <summary>Reading a list of validation problems by severity.</summary>
public static class ValidationProblems
{
    /// <summary>True when none of the problems is an error, so the map may be published.</summary>
    public static bool AllowPublishing(this IEnumerable<ValidationProblem> problems) => !problems.Any(p => p.IsError);

    /// <summary>The errors only.</summary>
    public static IReadOnlyList<ValidationProblem> Errors(this IEnumerable<ValidationProblem> problems) => [.. problems.Where(p => p.IsError)];

    /// <summary>The warnings only.</summary>
    public static IReadOnlyList<ValidationProblem> Warnings(this IEnumerable<ValidationProblem> problems) => [.. problems.Where(p => !p.IsError)];
}
