using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// Loads XML that may come from anyone: bounded in size and nesting depth, no DTD (so no external entities and
/// no entity expansion), no resolver, line information kept for messages.
/// </summary>
internal static class SafeXmlLoader
{
    /// <summary>The document, or null with the reason added to <paramref name="problems"/>.</summary>
    public static XDocument? Load(Stream stream, BpmnImportOptions options, List<BpmnProblem> problems)
    {
        var bytes = ReadBounded(stream, options.MaxBytes);
        if (bytes is null)
        {
            problems.Add(new(0, 0, null, $"The file is larger than the limit of {options.MaxBytes:N0} bytes and was not read."));
            return null;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = Math.Max(1, options.MaxBytes),
            CloseInput = false,
            IgnoreWhitespace = true,
        };

        if (CrowdedTag(bytes, options.MaxAttributesPerElement) is { } crowded)
        {
            problems.Add(new(crowded, 0, null,
                $"An element at line {crowded} has more than {options.MaxAttributesPerElement:N0} attributes (limit BpmnImportOptions.MaxAttributesPerElement); BPMN files never need that."));
            return null;
        }

        try
        {
            // A first streaming pass refuses excessive nesting before any tree exists: a tree 100,000 levels deep
            // would overflow the stack of the first recursive walk over it, and a stack overflow ends the process.
            if (TooDeep(bytes, settings, options.MaxDepth) is { } deep)
            {
                problems.Add(new(deep.Line, deep.Column, null,
                    $"The XML is nested deeper than {options.MaxDepth} levels at line {deep.Line} (limit BpmnImportOptions.MaxDepth); BPMN files never need that."));
                return null;
            }

            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            var document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            if (ReservedPrefixElement(document) is { } reserved)
            {
                var info = (IXmlLineInfo)reserved;
                problems.Add(new(info.LineNumber, info.LinePosition, null,
                    $"The element <xmlns:{reserved.Name.LocalName}> at line {info.LineNumber} is not well-formed XML: the prefix xmlns only declares namespaces and cannot name an element."));
                return null;
            }

            return document;
        }
        catch (XmlException ex)
        {
            var message = DeclaresDtd(bytes)
                ? "The file declares a DTD (<!DOCTYPE ...>). DTDs and entity declarations are refused for safety (external entities, entity expansion); BPMN files never need them."
                : $"The file is not well-formed XML: {TrimPosition(ex.Message)}";
            var (line, column) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : DtdPosition(bytes);
            problems.Add(new(line, column, null, message));
            return null;
        }
    }

    /// <summary>
    /// An element named with the reserved prefix xmlns, which the .NET parser accepts although the Namespaces in XML rules
    /// forbid it; LINQ to XML then throws when such an element is copied or written.
    /// </summary>
    private static XElement? ReservedPrefixElement(XDocument document) =>
        document.Descendants().FirstOrDefault(e => e.Name.Namespace == XNamespace.Xmlns);

    /// <summary>Where the first element deeper than <paramref name="maxDepth"/> levels starts, or null.</summary>
    private static (int Line, int Column)? TooDeep(byte[] bytes, XmlReaderSettings settings, int maxDepth)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
        var info = (IXmlLineInfo)reader;
        while (reader.Read())
        {
            // Depth counts from 0 at the root element.
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= maxDepth)
            {
                return (info.LineNumber, info.LinePosition);
            }
        }

        return null;
    }

    /// <summary>
    /// The line of the first tag with more than <paramref name="max"/> attributes (counted as <c>=</c> outside quotes), or null.
    /// A linear scan of the raw bytes: markup characters are ASCII, so UTF-8 (and the low bytes of UTF-16) read the same.
    /// </summary>
    private static int? CrowdedTag(byte[] bytes, int max)
    {
        var line = 1;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\n')
            {
                line++;
                continue;
            }

            if (bytes[i] != '<')
            {
                continue;
            }

            var skipTo = StartsWith(bytes, i, "<!--"u8) ? "-->"u8
                : StartsWith(bytes, i, "<![CDATA["u8) ? "]]>"u8
                : StartsWith(bytes, i, "<?"u8) ? "?>"u8
                : StartsWith(bytes, i, "<!"u8) ? ">"u8
                : default;
            if (!skipTo.IsEmpty)
            {
                var end = bytes.AsSpan(i).IndexOf(skipTo);
                var stop = end < 0 ? bytes.Length : i + end + skipTo.Length;
                line += bytes.AsSpan(i, stop - i).Count((byte)'\n');
                i = stop - 1;
                continue;
            }

            var tagLine = line;
            var attributes = 0;
            byte quote = 0;
            for (i++; i < bytes.Length; i++)
            {
                var b = bytes[i];
                if (b == '\n')
                {
                    line++;
                }
                else if (quote != 0)
                {
                    quote = b == quote ? (byte)0 : quote;
                }
                else if (b is (byte)'"' or (byte)'\'')
                {
                    quote = b;
                }
                else if (b == '=' && ++attributes > max)
                {
                    return tagLine;
                }
                else if (b == '>')
                {
                    break;
                }
            }
        }

        return null;
    }

    private static bool StartsWith(byte[] bytes, int at, ReadOnlySpan<byte> prefix) => bytes.AsSpan(at).StartsWith(prefix);

    private static byte[]? ReadBounded(Stream stream, long maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static (int Line, int Column) DtdPosition(byte[] bytes)
    {
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024));
        var at = head.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return (0, 0);
        }

        var line = 1 + head.AsSpan(0, at).Count('\n');
        var column = at - head.LastIndexOf('\n', Math.Max(0, at - 1));
        return (line, column);
    }

    private static bool DeclaresDtd(byte[] bytes)
    {
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64 * 1024));
        return head.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || head.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>XmlException messages end with "Line n, position m."; the problem carries those separately.</summary>
    private static string TrimPosition(string message)
    {
        var at = message.LastIndexOf(" Line ", StringComparison.Ordinal);
        return at > 0 ? message[..at] : message;
    }
}
