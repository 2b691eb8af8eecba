namespace CrmBpm.Engine.Errors;

/// <summary>Input was rejected; <see cref="Problems"/> names each field and what is wrong with it.</summary>
public sealed class InputException : CrmBpmException
{
    /// <summary>Creates the exception.</summary>
    public InputException(string code, IReadOnlyList<InputProblem> problems)
        : base(code, string.Join(" ", problems.Select(p => p.Message))) => Problems = problems;

    /// <summary>Creates the exception for one problem.</summary>
    public InputException(string code, string field, string message)
        : this(code, [new InputProblem(field, message)])
    {
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<InputProblem> Problems { get; }
}

/// <summary>One rejected input field.</summary>
public sealed record InputProblem(string Field, string Message);
