using System.Text;

namespace CrmBpm.Server.Administration;

/// <summary>Writes CSV the way <see cref="CsvReader"/> reads it: fields with the separator, a quote or a line break are quoted, quotes doubled, lines end in CRLF.</summary>
public static class CsvWriter
{
    /// <summary>The byte order mark Excel needs to open UTF-8 (Cyrillic names) correctly.</summary>
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Appends one line.</summary>
    public static void AppendLine(StringBuilder text, char separator, IEnumerable<string?> fields)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fields);
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                text.Append(separator);
            }

            first = false;
            var value = field ?? "";
            if (value.IndexOfAny([separator, '"', '\r', '\n']) >= 0)
            {
                text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                text.Append(value);
            }
        }

        text.Append("\r\n");
    }

    /// <summary>The text as UTF-8 with a byte order mark.</summary>
    public static byte[] ToUtf8WithBom(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Utf8Bom, .. Encoding.UTF8.GetBytes(text)];
    }
}
