using System.Text;
using CrmBpm.Engine.Errors;

namespace CrmBpm.Server.Administration;

/// <summary>
/// An import file read and its header checked: at most <see cref="MaxBytes"/> bytes and <see cref="MaxRows"/> rows, UTF-8 CSV
/// (see <see cref="CsvReader"/>) whose first line names the columns (case-insensitive, any order). Unknown, repeated or
/// missing required columns refuse the whole file before any row is read.
/// </summary>
public sealed class UserImportFile
{
    /// <summary>The largest file accepted: 2 MB.</summary>
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>The most rows (below the header) accepted.</summary>
    public const int MaxRows = 5_000;

    /// <summary>The column every file has.</summary>
    public const string UserName = "userName";

    /// <summary>Every column, in the template's order.</summary>
    public static IReadOnlyList<string> Columns { get; } = [UserName, "displayName", "email", "phone", "language", "timeZone", "roles", "department", "pools"];

    private readonly Dictionary<string, int> _index;

    private UserImportFile(CsvDocument document, Dictionary<string, int> index)
    {
        Document = document;
        _index = index;
    }

    /// <summary>The CSV as read.</summary>
    public CsvDocument Document { get; }

    /// <summary>The columns the file has, by their canonical names.</summary>
    public IReadOnlyCollection<string> Present => _index.Keys;

    /// <summary>Reads and checks a file; refuses it (<see cref="InputException"/> on field <c>file</c>) naming the line and what is wrong.</summary>
    public static UserImportFile Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new InputException("import.too-large", "file",
                $"The file has {bytes.Length:N0} bytes; at most {MaxBytes:N0} (2 MB) and {MaxRows:N0} rows are imported at once. Split it into several files.");
        }

        CsvDocument document;
        try
        {
            document = CsvReader.Read(CsvReader.Decode(bytes), MaxRows);
        }
        catch (CsvFormatException e)
        {
            throw new InputException("import.malformed", "file", e.Message);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var header = document.Header;
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = header.Fields[i].Trim();
            var column = Columns.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                unknown.Add($"'{name}'");
            }
            else if (!index.TryAdd(column, i))
            {
                throw Refuse(header.Line, $"the column {column} appears twice (columns {index[column] + 1} and {i + 1}).");
            }
        }

        if (unknown.Count > 0)
        {
            throw Refuse(header.Line, $"unknown column{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)}; the columns are {string.Join(", ", Columns)}.");
        }

        return index.ContainsKey(UserName)
            ? new UserImportFile(document, index)
            : throw Refuse(header.Line, $"the column {UserName} is required; the first line must name the columns ({string.Join(", ", Columns)}).");
    }

    /// <summary>True when the file has <paramref name="column"/>.</summary>
    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The cell of <paramref name="column"/> in <paramref name="record"/> (null when the file has no such column or the row is short).</summary>
    public string? Cell(CsvRecord record, string column) =>
        _index.TryGetValue(column, out var i) && i < record.Fields.Count ? record.Fields[i] : null;

    /// <summary>A template file: the header and one example row, with <paramref name="separator"/>.</summary>
    public static string Template(char separator)
    {
        var text = new StringBuilder();
        CsvWriter.AppendLine(text, separator, Columns);
        CsvWriter.AppendLine(text, separator, ["anna.petrova", "Anna Petrova", "anna@example.com", "+49 30 1234567", "en", "Europe/Berlin", "Manager", "Sales", "Sales manager|Sales manager@North"]);
        return text.ToString();
    }

    private static InputException Refuse(int line, string reason) => new("import.malformed", "file", $"line {line}: {reason}");
}
