namespace CrmBpm.Server.Administration;

/// <summary>What importing a row did.</summary>
public enum UserImportOutcome
{
    /// <summary>The user was created.</summary>
    Created,

    /// <summary>The user was changed.</summary>
    Updated,

    /// <summary>The user already was as the row says.</summary>
    Unchanged,

    /// <summary>The row was skipped (its problems say why); nothing of it was written.</summary>
    Failed,
}

/// <summary>One imported row: its line, user, outcome, the changes made and, when it failed, why.</summary>
public sealed record UserImportResult(int Row, string UserName, UserImportOutcome Outcome, IReadOnlyList<string> Changes, IReadOnlyList<UserImportProblem> Problems);

/// <summary>A created user's one-time password; handed out once, never stored or logged.</summary>
public sealed record UserImportPassword(string UserName, string Password);

/// <summary>How far an import is: rows done of all rows.</summary>
public readonly record struct UserImportProgress(int Done, int Total);

/// <summary>The end of an import: every row's outcome and the one-time passwords of the users it created.</summary>
public sealed record UserImportReport(IReadOnlyList<UserImportResult> Rows, IReadOnlyList<UserImportPassword> Passwords, char Separator)
{
    /// <summary>Users created.</summary>
    public int Created => Count(UserImportOutcome.Created);

    /// <summary>Users changed.</summary>
    public int Updated => Count(UserImportOutcome.Updated);

    /// <summary>Rows that changed nothing.</summary>
    public int Unchanged => Count(UserImportOutcome.Unchanged);

    /// <summary>Rows skipped for their problems.</summary>
    public int Failed => Count(UserImportOutcome.Failed);

    private int Count(UserImportOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}
