using System.Security.Cryptography;
using System.Text;
using CrmBpm.Engine.Errors;
using CrmBpm.Server.Identity;
using CrmBpm.Server.Organisation;
using Microsoft.AspNetCore.DataProtection;

namespace CrmBpm.Server.Administration;

/// <summary>
/// Imports users and their memberships from a CSV file (<see cref="UserImportFile"/>). A preview checks every row exactly as
/// <see cref="UserAdministration"/> would and answers a token bound to the file's content; the import takes the same file and
/// token, checks again against the users as they are now, skips rows with problems and creates or updates each valid row in
/// its own transaction, audited like a manual change. Existing users keep their password and stay active.
/// </summary>
public sealed class UserImport(UserAdministration administration, CrmBpmIdentityDbContext db, IDataProtectionProvider protection)
{
    /// <summary>How long a preview's token is good for.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private readonly ITimeLimitedDataProtector _tokens = protection.CreateProtector("CrmBpm.UserImport.Preview").ToTimeLimitedDataProtector();

    /// <summary>Checks every row without saving anything.</summary>
    public async Task<UserImportPreview> PreviewAsync(ReadOnlyMemory<byte> file, CancellationToken cancellationToken = default)
    {
        var rows = await CheckAsync(UserImportFile.Read(file.Span), cancellationToken);
        return new UserImportPreview(_tokens.Protect(Hash(file.Span), TokenLifetime), rows);
    }

    /// <summary>
    /// Imports <paramref name="file"/>, which must be the file <paramref name="token"/>'s preview checked. Reports progress after every row.
    /// </summary>
    public async Task<UserImportReport> ImportAsync(
        string actor, ReadOnlyMemory<byte> file, string? token, IProgress<UserImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        RequirePreviewed(file.Span, token);
        var read = UserImportFile.Read(file.Span);
        var rows = await CheckAsync(read, cancellationToken);
        var results = new List<UserImportResult>(rows.Count);
        var passwords = new List<UserImportPassword>();
        progress?.Report(new UserImportProgress(0, rows.Count));
        foreach (var row in rows)
        {
            results.Add(await ImportRowAsync(actor, row, passwords, cancellationToken));
            progress?.Report(new UserImportProgress(results.Count, rows.Count));
        }

        return new UserImportReport(results, passwords, read.Document.Separator);
    }

    private async Task<UserImportResult> ImportRowAsync(string actor, UserImportRow row, List<UserImportPassword> passwords, CancellationToken cancellationToken)
    {
        if (!row.IsValid)
        {
            return Result(row, UserImportOutcome.Failed, row.Problems);
        }

        try
        {
            switch (row.Action)
            {
                case UserImportAction.New:
                    var created = await administration.CreateAsync(actor, row.UserName, row.Profile!, cancellationToken);
                    passwords.Add(new UserImportPassword(created.User.UserName, created.Password));
                    return Result(row, UserImportOutcome.Created, []);
                case UserImportAction.Update:
                    await administration.UpdateAsync(actor, row.UserName, row.Profile!, cancellationToken);
                    return Result(row, UserImportOutcome.Updated, []);
                default:
                    return Result(row, UserImportOutcome.Unchanged, []);
            }
        }
        catch (CrmBpmException refused)
        {
            // The row's transaction was rolled back; what the context still tracks of it must not ride along with the next row.
            db.ChangeTracker.Clear();
            var problems = refused is InputException input
                ? [.. input.Problems.Select(p => new UserImportProblem(ColumnOf(p.Field), p.Message))]
                : new List<UserImportProblem> { new(UserImportFile.UserName, refused.Message) };
            return Result(row, UserImportOutcome.Failed, problems);
        }
    }

    private static UserImportResult Result(UserImportRow row, UserImportOutcome outcome, IReadOnlyList<UserImportProblem> problems) =>
        new(row.Row, row.UserName, outcome, outcome == UserImportOutcome.Failed ? [] : row.Changes, problems);

    private void RequirePreviewed(ReadOnlySpan<byte> file, string? token)
    {
        string? previewed = null;
        try
        {
            previewed = string.IsNullOrWhiteSpace(token) ? null : _tokens.Unprotect(token.Trim());
        }
        catch (CryptographicException)
        {
            // A token from another server key, altered, or older than its lifetime: the same answer as no token.
        }

        if (previewed is null)
        {
            throw new InputException("import.not-previewed", "token",
                $"token must be the one the preview of this file answered (good for {TokenLifetime.TotalMinutes:0} minutes); preview the file first.");
        }

        if (!string.Equals(previewed, Hash(file), StringComparison.Ordinal))
        {
            throw new InputException("import.not-previewed", "token", "The file differs from the one that was previewed; preview this file first.");
        }
    }

    private async Task<IReadOnlyList<UserImportRow>> CheckAsync(UserImportFile file, CancellationToken cancellationToken)
    {
        var (everyone, _) = await administration.ListAsync(null, 1, int.MaxValue, cancellationToken);
        var existing = everyone.ToDictionary(u => u.UserName, StringComparer.OrdinalIgnoreCase);
        var catalogue = await OrganisationCatalogue.LoadAsync(db, cancellationToken);
        var rows = new List<UserImportRow>(file.Document.Records.Count);
        foreach (var record in file.Document.Records)
        {
            rows.Add(await CheckRowAsync(file, record, existing, catalogue, cancellationToken));
        }

        return MarkDuplicates(rows);
    }

    private async Task<UserImportRow> CheckRowAsync(
        UserImportFile file, CsvRecord record, Dictionary<string, ManagedUser> existing, OrganisationCatalogue catalogue, CancellationToken cancellationToken)
    {
        var userName = file.Cell(record, UserImportFile.UserName)?.Trim() ?? "";
        var columns = file.Document.Header.Fields.Count;
        if (record.Fields.Count != columns)
        {
            return new UserImportRow(record.Line, userName, null, [],
                [new UserImportProblem("row", $"the row has {record.Fields.Count} field(s) but the header names {columns} column(s); check the separators and quotes.")], null);
        }

        var user = existing.GetValueOrDefault(userName);
        var profile = UserImportProfile.From(file, record, user);
        var problems = (await administration.ValidateAsync(user?.UserName ?? userName, profile, creating: user is null, catalogue, cancellationToken))
            .Select(p => new UserImportProblem(ColumnOf(p.Field), p.Message)).ToList();
        if (user is null && !file.Has("displayName"))
        {
            problems.RemoveAll(p => p.Column == "displayName");
            problems.Add(new UserImportProblem("displayName", $"'{userName}' is a new user and needs a displayName; the file has no displayName column."));
        }

        if (userName.Length == 0)
        {
            return new UserImportRow(record.Line, userName, null, [], problems, null);
        }

        if (user is null)
        {
            return new UserImportRow(record.Line, userName, UserImportAction.New, [], problems, profile);
        }

        var changes = UserImportProfile.Changes(user, profile);
        return new UserImportRow(record.Line, user.UserName, changes.Count == 0 ? UserImportAction.NoChange : UserImportAction.Update, changes, problems, profile);
    }

    private static List<UserImportRow> MarkDuplicates(List<UserImportRow> rows)
    {
        var byName = rows.Where(r => r.UserName.Length > 0).ToLookup(r => r.UserName, StringComparer.OrdinalIgnoreCase);
        return [.. rows.Select(row =>
        {
            var others = row.UserName.Length == 0 ? [] : byName[row.UserName].Where(other => other.Row != row.Row).Select(other => other.Row).ToList();
            return others.Count == 0 ? row : row with
            {
                Problems = [.. row.Problems, new UserImportProblem(UserImportFile.UserName,
                    $"'{row.UserName}' is on rows {string.Join(", ", others.Append(row.Row).Order())}; a user may appear only once in a file.")],
            };
        })];
    }

    /// <summary>The column a validation field belongs to: <c>pools[2]</c> is in <c>pools</c>.</summary>
    private static string ColumnOf(string field)
    {
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? field : field[..bracket];
        return name == "user" ? UserImportFile.UserName : name;
    }

    private static string Hash(ReadOnlySpan<byte> file) => Convert.ToHexString(SHA256.HashData(file));

    /// <summary>A report as CSV (row, user name, outcome, details), separated as the imported file was.</summary>
    public static string ReportCsv(UserImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        CsvWriter.AppendLine(text, report.Separator, ["row", "userName", "outcome", "details"]);
        foreach (var row in report.Rows)
        {
            var details = row.Outcome == UserImportOutcome.Failed
                ? string.Join("; ", row.Problems.Select(p => $"{p.Column}: {p.Message}"))
                : string.Join("; ", row.Changes);
            CsvWriter.AppendLine(text, report.Separator, [row.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), row.UserName, row.Outcome.ToString(), details]);
        }

        return text.ToString();
    }

    /// <summary>The created users' one-time passwords as CSV (user name, password), separated as the imported file was.</summary>
    public static string PasswordsCsv(UserImportReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        CsvWriter.AppendLine(text, report.Separator, ["userName", "oneTimePassword"]);
        foreach (var password in report.Passwords)
        {
            CsvWriter.AppendLine(text, report.Separator, [password.UserName, password.Password]);
        }

        return text.ToString();
    }
}
