using CrmBpm.Server.Administration;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>A problem of an import row, with its column (<c>row</c> for the row's shape).</summary>
public sealed record UserImportProblemDto(string Column, string Message);

/// <summary>One previewed row: its line in the file, the user, what importing would do (null: not even the user is known), the changes and every problem.</summary>
public sealed record UserImportRowDto(int Row, string UserName, UserImportAction? Action, IReadOnlyList<string> Changes, IReadOnlyList<UserImportProblemDto> Problems)
{
    /// <summary>Maps a checked row.</summary>
    public static UserImportRowDto From(UserImportRow row) =>
        new(row.Row, row.UserName, row.Action, row.Changes, [.. row.Problems.Select(p => new UserImportProblemDto(p.Column, p.Message))]);
}

/// <summary>A previewed file: the token to import exactly this file with, the counts and every row.</summary>
public sealed record UserImportPreviewDto(string Token, int Total, int New, int Updates, int Unchanged, int WithProblems, IReadOnlyList<UserImportRowDto> Rows)
{
    /// <summary>Maps a preview.</summary>
    public static UserImportPreviewDto From(UserImportPreview preview) =>
        new(preview.Token, preview.Rows.Count, preview.New, preview.Updates, preview.Unchanged, preview.WithProblems, [.. preview.Rows.Select(UserImportRowDto.From)]);
}

/// <summary>One imported row: its line, the user, the outcome, the changes made, or why it failed.</summary>
public sealed record UserImportResultDto(int Row, string UserName, UserImportOutcome Outcome, IReadOnlyList<string> Changes, IReadOnlyList<UserImportProblemDto> Problems);

/// <summary>A created user's one-time password, answered once.</summary>
public sealed record UserImportPasswordDto(string UserName, string OneTimePassword);

/// <summary>The end of an import: counts, every row's outcome and the one-time passwords of the created users (answered only here, once).</summary>
public sealed record UserImportReportDto(
    int Created, int Updated, int Unchanged, int Failed, IReadOnlyList<UserImportResultDto> Rows, IReadOnlyList<UserImportPasswordDto> OneTimePasswords)
{
    /// <summary>Maps a report.</summary>
    public static UserImportReportDto From(UserImportReport report) => new(
        report.Created, report.Updated, report.Unchanged, report.Failed,
        [.. report.Rows.Select(r => new UserImportResultDto(r.Row, r.UserName, r.Outcome, r.Changes, [.. r.Problems.Select(p => new UserImportProblemDto(p.Column, p.Message))]))],
        [.. report.Passwords.Select(p => new UserImportPasswordDto(p.UserName, p.Password))]);
}
