using System.Text;

namespace CrmBpm.Server.Administration;

/// <summary>
/// Reads CSV as RFC 4180 describes it, and as Excel writes it: UTF-8 with or without a byte order mark, comma or semicolon
/// separated (the one the header line uses; Russian Excel writes semicolons), fields in double quotes may hold separators,
/// doubled quotes and line breaks; lines end in CRLF, LF or CR. Blank lines (and lines of separators only) are skipped. Anything else (invalid UTF-8,
/// a quote inside an unquoted field, text after a closing quote, a quote left open, too many records) is a
/// <see cref="CsvFormatException"/> naming the line — never another exception.
/// </summary>
public static class CsvReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (a leading byte order mark is dropped); invalid bytes are refused naming their line.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            var at = Math.Clamp(e.Index, 0, bytes.Length);
            var line = 1 + bytes[..at].Count((byte)'\n');
            throw new CsvFormatException(line, "the file is not UTF-8 text; save it as \"CSV UTF-8\".");
        }
    }

    /// <summary>Reads <paramref name="text"/>: the header line and at most <paramref name="maxRecords"/> records after it.</summary>
    public static CsvDocument Read(string text, int maxRecords)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var separator = DetectSeparator(text);
        CsvRecord? header = null;
        var records = new List<CsvRecord>();
        var position = 0;
        var line = 1;
        while (position < text.Length)
        {
            var start = line;
            var fields = ReadRecord(text, separator, ref position, ref line);
            if (fields.TrueForAll(f => f.Length == 0))
            {
                continue; // a blank line, or one of separators only (Excel writes those below a table)
            }

            if (header is null)
            {
                header = new CsvRecord(start, fields);
            }
            else if (records.Count == maxRecords)
            {
                throw new CsvFormatException(start, $"the file has more than {maxRecords} rows; split it into several files.");
            }
            else
            {
                records.Add(new CsvRecord(start, fields));
            }
        }

        return header is null
            ? throw new CsvFormatException(1, "the file is empty; the first line must name the columns.")
            : new CsvDocument(separator, header, records);
    }

    /// <summary>The separator of the first line: a semicolon when it has more semicolons than commas (outside quotes), else a comma.</summary>
    private static char DetectSeparator(string text)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    private static List<string> ReadRecord(string text, char separator, ref int position, ref int line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        while (true)
        {
            if (position < text.Length && text[position] == '"')
            {
                ReadQuoted(text, field, ref position, ref line);
                if (position < text.Length && text[position] != separator && text[position] is not ('\r' or '\n'))
                {
                    throw new CsvFormatException(line, $"field {fields.Count + 1}: text after the closing quote; a quote inside a quoted field is written twice (\"\").");
                }
            }
            else
            {
                while (position < text.Length && text[position] != separator && text[position] is not ('\r' or '\n'))
                {
                    if (text[position] == '"')
                    {
                        throw new CsvFormatException(line, $"field {fields.Count + 1}: a quote inside an unquoted field; enclose the field in quotes and write the quote twice (\"\").");
                    }

                    field.Append(text[position++]);
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (position >= text.Length)
            {
                return fields;
            }

            if (text[position] == separator)
            {
                position++;
                continue;
            }

            // A line break ends the record: CRLF, LF or a lone CR.
            position += text[position] == '\r' && position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
            line++;
            return fields;
        }
    }

    private static void ReadQuoted(string text, StringBuilder field, ref int position, ref int line)
    {
        var opened = line;
        position++; // the opening quote
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '"')
            {
                if (position + 1 < text.Length && text[position + 1] == '"')
                {
                    field.Append('"');
                    position += 2;
                    continue;
                }

                position++; // the closing quote
                return;
            }

            if (c == '\n' || (c == '\r' && !(position + 1 < text.Length && text[position + 1] == '\n')))
            {
                line++;
            }

            field.Append(c);
            position++;
        }

        throw new CsvFormatException(opened, "a quoted field is never closed; every opening quote needs a closing one.");
    }
}
