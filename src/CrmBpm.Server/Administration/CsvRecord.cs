namespace CrmBpm.Server.Administration;

/// <summary>One record of a CSV file: the 1-based line it starts on and its fields (unquoted).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A CSV file as read: the separator found in its header line, the header and the records after it (blank lines skipped).</summary>
public sealed record CsvDocument(char Separator, CsvRecord Header, IReadOnlyList<CsvRecord> Records);
