namespace CrmBpm.Server.Administration;

/// <summary>What importing a row would do to its user.</summary>
public enum UserImportAction
{
    /// <summary>Creates the user (with a one-time password).</summary>
    New,

    /// <summary>Changes an existing user.</summary>
    Update,

    /// <summary>The user already is as the row says.</summary>
    NoChange,
}

/// <summary>A problem of one row, with the column it is in (<c>row</c> when it is the row's shape).</summary>
public sealed record UserImportProblem(string Column, string Message);

/// <summary>
/// One row of an import file as the preview checked it: its line in the file, the user it is about, what importing it would
/// do (null when not even the user is known), the changes to an existing user ("email: 'a' → 'b'") and every problem.
/// </summary>
public sealed record UserImportRow(
    int Row, string UserName, UserImportAction? Action, IReadOnlyList<string> Changes, IReadOnlyList<UserImportProblem> Problems, UserProfile? Profile)
{
    /// <summary>True when the row can be imported.</summary>
    public bool IsValid => Problems.Count == 0 && Action is not null && Profile is not null;
}

/// <summary>A checked import file: every row, and the token that lets exactly this file be imported.</summary>
public sealed record UserImportPreview(string Token, IReadOnlyList<UserImportRow> Rows)
{
    /// <summary>Rows that would create a user.</summary>
    public int New => Rows.Count(r => r.IsValid && r.Action == UserImportAction.New);

    /// <summary>Rows that would change a user.</summary>
    public int Updates => Rows.Count(r => r.IsValid && r.Action == UserImportAction.Update);

    /// <summary>Rows that change nothing.</summary>
    public int Unchanged => Rows.Count(r => r.IsValid && r.Action == UserImportAction.NoChange);

    /// <summary>Rows that have problems and would be skipped.</summary>
    public int WithProblems => Rows.Count(r => !r.IsValid);
}
