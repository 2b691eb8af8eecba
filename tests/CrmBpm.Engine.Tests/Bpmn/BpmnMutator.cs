using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CrmBpm.Engine.Tests.Bpmn;

/// <summary>
/// Makes one mutated BPMN file from a seed file, driven only by the given <see cref="Random"/> (so a case is repeatable
/// from its seed). Mutations on the XML tree come first, then on the text, then on the bytes; every one applied is
/// described in <see cref="Applied"/> so a failing case can be read without re-running it.
/// </summary>
internal sealed partial class BpmnMutator(Random random)
{
    private const string Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private const string Crm = "https://crmbpm.dev/schema/bpmn";
    private const string Camunda = "http://camunda.org/schema/1.0/bpmn";

    private static readonly string[] TreeMutations = ["delete-element", "duplicate-element", "move-element", "change-attribute", "change-attribute", "delete-attribute", "add-attribute", "rename-element", "change-element-namespace", "change-text"];
    private static readonly string[] TextMutations = ["namespace-uri", "prefix", "unbind-prefix", "doctype", "character-reference", "utf16"];
    private static readonly string[] ByteMutations = ["flip", "truncate", "insert-bytes"];

    private static readonly string[] NamespaceUris =
    [
        "", " ", Bpmn, Crm, Camunda, "urn:x", Bpmn.ToUpperInvariant(), Bpmn + "/", Crm + " ", "http://www.omg.org/spec/DD/20100524/DC",
        "http://www.omg.org/spec/BPMN/20100524/DI", "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2000/xmlns/", "http://bpmn.io/schema/bpmn",
    ];

    private static readonly string[] Prefixes = ["x", "bpmn", "bpmn2", "crm", "camunda", "dc", "di", "xml", "xmlns", "a-b", "ü", "xsi", "p1"];

    private static readonly string[] ElementNames =
    [
        "startEvent", "endEvent", "userTask", "task", "serviceTask", "exclusiveGateway", "parallelGateway", "inclusiveGateway", "callActivity",
        "sequenceFlow", "process", "definitions", "extensionElements", "documentation", "conditionExpression", "multiInstanceLoopCharacteristics",
        "outcome", "formField", "option", "input", "output", "BPMNShape", "BPMNEdge", "Bounds", "waypoint", "BPMNPlane", "BPMNDiagram", "subProcess",
    ];

    private static readonly string[] AttributeNames =
    [
        "id", "name", "sourceRef", "targetRef", "default", "calledElement", "isSequential", "bpmnElement", "x", "y", "width", "height",
        "{" + Crm + "}kind", "{" + Crm + "}expression", "{" + Crm + "}branch", "{" + Crm + "}result", "{" + Crm + "}performerUser",
        "{" + Crm + "}performerRole", "{" + Crm + "}addressingObject", "{" + Crm + "}deadline", "{" + Crm + "}deadlineExpression",
        "{" + Crm + "}reminderBefore", "{" + Crm + "}requiresAcceptance", "{" + Crm + "}collection", "{" + Crm + "}elementVariable",
        "{" + Crm + "}outcomeVariable", "{" + Crm + "}title", "{" + Crm + "}stage", "{" + Crm + "}unknown", "{" + Camunda + "}assignee",
        "{" + Camunda + "}candidateGroups", "{" + Camunda + "}collection", "{urn:other}thing",
    ];

    private static readonly string[] DoctypePayloads =
    [
        """<!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""",
        """<!DOCTYPE definitions [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY xxe "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>""",
        """<!DOCTYPE definitions SYSTEM "http://127.0.0.1:9/evil.dtd">""",
        """<!DOCTYPE definitions [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>""",
        """<!DOCTYPE definitions [<!ENTITY xxe "harmless">]>""",
        """<!doctype definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>""",
    ];

    private static readonly string[] CharacterReferences = ["&#x0;", "&#x1;", "&#xD800;", "&#xFFFE;", "&#x85;", "&#x2028;", "&#x9;", "&#xA;", "&#x10FFFF;", "&#99999999;", "&amp;", "&lt;"];

    /// <summary>What was done to the seed, in order.</summary>
    public List<string> Applied { get; } = [];

    /// <summary>True when a DTD was written into the file: such a file must be refused.</summary>
    public bool InjectedDoctype { get; private set; }

    /// <summary>A mutated copy of <paramref name="seed"/> (a well-formed file), as bytes.</summary>
    public byte[] Mutate(XDocument seed)
    {
        var document = new XDocument(seed);
        // Mostly one or two changes, mostly to the tree: a file broken at the byte level is refused at once and teaches little.
        var count = Pick([1, 1, 1, 2, 2, 3, 4]);
        var kinds = Enumerable.Range(0, count).Select(_ => Pick(Pick([TreeMutations, TreeMutations, TreeMutations, TextMutations, ByteMutations]))).ToList();
        foreach (var kind in kinds.Where(TreeMutations.Contains))
        {
            MutateTree(document, kind);
        }

        string text;
        try
        {
            text = (document.Declaration is { } declaration ? declaration + "\n" : "") + document.ToString();
        }
        catch (System.Xml.XmlException ex)
        {
            // LINQ to XML cannot write some trees (an element moved out of the default namespace it declares): keep the seed.
            Applied.Add($"(the mutated tree cannot be written: {ex.Message}; the seed is used)");
            text = (seed.Declaration is { } declaration ? declaration + "\n" : "") + seed.ToString();
        }

        var utf16 = false;
        foreach (var kind in kinds.Where(TextMutations.Contains))
        {
            if (kind == "utf16")
            {
                utf16 = true;
                Applied.Add("encode as UTF-16 with a byte order mark");
                continue;
            }

            text = MutateText(text, kind);
        }

        var bytes = utf16 ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] : Encoding.UTF8.GetBytes(text);
        foreach (var kind in kinds.Where(ByteMutations.Contains))
        {
            bytes = MutateBytes(bytes, kind);
        }

        return bytes;
    }

    private void MutateTree(XDocument document, string kind)
    {
        var elements = document.Root!.DescendantsAndSelf().ToList();
        var element = Pick(elements);
        switch (kind)
        {
            case "delete-element" when element.Parent is not null:
                Applied.Add($"delete {Describe(element)}");
                element.Remove();
                break;
            case "duplicate-element" when element.Parent is not null:
                Applied.Add($"duplicate {Describe(element)}");
                element.AddAfterSelf(new XElement(element));
                break;
            case "move-element" when element.Parent is not null:
                var own = element.DescendantsAndSelf().ToHashSet();
                var target = Pick(elements);
                if (own.Contains(target))
                {
                    break;
                }

                Applied.Add($"move {Describe(element)} into {Describe(target)}");
                element.Remove();
                target.Add(element);
                break;
            case "change-attribute":
                var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList();
                if (attributes.Count == 0)
                {
                    break;
                }

                var attribute = Pick(attributes);
                var value = OddValue(document, attribute.Value);
                Applied.Add($"set {attribute.Name.LocalName} of {Describe(element)} to {Show(value)}");
                attribute.Value = value;
                break;
            case "delete-attribute":
                var removable = element.Attributes().ToList();
                if (removable.Count == 0)
                {
                    break;
                }

                var removed = Pick(removable);
                Applied.Add($"delete attribute {removed.Name} of {Describe(element)}");
                removed.Remove();
                break;
            case "add-attribute":
                var name = XName.Get(Pick(AttributeNames));
                var added = OddValue(document, "");
                Applied.Add($"add {name} = {Show(added)} to {Describe(element)}");
                element.SetAttributeValue(name, added);
                break;
            case "rename-element":
                var local = Pick(ElementNames);
                Applied.Add($"rename {Describe(element)} to {local}");
                element.Name = element.Name.Namespace + local;
                break;
            case "change-element-namespace":
                var uri = Pick(NamespaceUris).Trim();
                if (uri is "http://www.w3.org/XML/1998/namespace" or "http://www.w3.org/2000/xmlns/")
                {
                    break;
                }

                Applied.Add($"move {Describe(element)} to namespace '{uri}'");
                element.Name = XNamespace.Get(uri) + element.Name.LocalName;
                break;
            case "change-text" when !element.HasElements:
                var content = OddValue(document, element.Value);
                Applied.Add($"set the text of {Describe(element)} to {Show(content)}");
                element.Value = content;
                break;
        }
    }

    private string MutateText(string text, string kind)
    {
        switch (kind)
        {
            case "namespace-uri":
                var declarations = DeclarationPattern().Matches(text);
                if (declarations.Count == 0)
                {
                    return text;
                }

                var declaration = declarations[random.Next(declarations.Count)];
                var uri = Pick(NamespaceUris);
                Applied.Add($"declare {declaration.Groups["prefix"].Value} as '{uri}' instead of '{declaration.Groups["uri"].Value}'");
                return text[..declaration.Groups["uri"].Index] + uri + text[(declaration.Groups["uri"].Index + declaration.Groups["uri"].Length)..];
            case "prefix":
            case "unbind-prefix":
                var prefixed = DeclarationPattern().Matches(text).Where(m => m.Groups["prefix"].Value.StartsWith("xmlns:", StringComparison.Ordinal)).ToList();
                if (prefixed.Count == 0)
                {
                    return text;
                }

                var old = Pick(prefixed).Groups["prefix"].Value["xmlns:".Length..];
                var replacement = Pick(Prefixes);
                if (kind == "prefix")
                {
                    Applied.Add($"rename prefix {old} to {replacement} everywhere");
                    return text.Replace(old + ":", replacement + ":", StringComparison.Ordinal);
                }

                Applied.Add($"rename only the declaration of prefix {old} to {replacement}");
                return text.Replace("xmlns:" + old + "=", "xmlns:" + replacement + "=", StringComparison.Ordinal);
            case "doctype":
                var payload = Pick(DoctypePayloads);
                var afterDeclaration = text.StartsWith("<?xml", StringComparison.Ordinal) ? text.IndexOf("?>", StringComparison.Ordinal) + 2 : 0;
                text = text[..afterDeclaration] + payload + text[afterDeclaration..];
                // Use the entity where it would land in a map: the first name attribute, or the first text.
                var name = text.IndexOf(" name=\"", afterDeclaration + payload.Length, StringComparison.Ordinal);
                if (name > 0 && !payload.Contains('%', StringComparison.Ordinal))
                {
                    text = text[..(name + 7)] + "&xxe;" + text[(name + 7)..];
                }

                InjectedDoctype = true;
                Applied.Add($"declare a DTD {Show(payload)}");
                return text;
            case "character-reference":
                var quote = FindQuotedValue(text);
                if (quote < 0)
                {
                    return text;
                }

                var reference = Pick(CharacterReferences);
                Applied.Add($"insert {reference} into the attribute value at offset {quote}");
                return text[..quote] + reference + text[quote..];
            default:
                return text;
        }
    }

    private byte[] MutateBytes(byte[] bytes, string kind)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        switch (kind)
        {
            case "flip":
                var flips = 1 + random.Next(8);
                var at = new List<int>();
                for (var i = 0; i < flips; i++)
                {
                    var position = random.Next(bytes.Length);
                    bytes[position] = random.Next(2) == 0 ? (byte)(bytes[position] ^ (1 << random.Next(8))) : (byte)random.Next(256);
                    at.Add(position);
                }

                Applied.Add($"change bytes at {string.Join(", ", at)}");
                return bytes;
            case "truncate":
                var length = random.Next(bytes.Length);
                Applied.Add($"truncate to {length} of {bytes.Length} bytes");
                return bytes[..length];
            case "insert-bytes":
                var where = random.Next(bytes.Length + 1);
                byte[] chunk = Pick<byte[]>([[0], [0xFF, 0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80], "<"u8.ToArray(), "&"u8.ToArray(), "]]>"u8.ToArray(), "<a>"u8.ToArray(), "\""u8.ToArray(), [0xEF, 0xBB, 0xBF]]);
                Applied.Add($"insert bytes {Convert.ToHexString(chunk)} at {where}");
                return [.. bytes[..where], .. chunk, .. bytes[where..]];
            default:
                return bytes;
        }
    }

    private string OddValue(XDocument document, string current)
    {
        switch (random.Next(16))
        {
            case 0: return "";
            case 1: return "   ";
            case 2: return " \t\n" + current + " ";
            case 3: return new string('x', 1 + random.Next(20_000));
            case 4: return "<>&\"'";
            case 5: return "ü中文🙂Ω\u200B\u200E";
            case 6: return Pick(["${a}", "#{x}", "}{", "a && b ||", "1e309", "-1", "NaN", "P-1D", "PT0S", "P99999999999Y", "true", "TRUE", "1"]);
            case 7: return Pick(["yes", "No", "merge", "split", "condition", "choice", "number", "choice ", "Won", "bogus"]);
            case 8:
            case 9:
                // An id of another element: ids colliding, references pointing elsewhere.
                var ids = document.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
                return ids.Count == 0 ? "" : Pick(ids);
            case 10: return current + current;
            case 11: return current.Length > 1 ? current[..random.Next(current.Length)] : current;
            case 12: return "a:b c/d.e-f_g#h?i[0]";
            case 13: return "this.constructor.constructor('return process')()";
            case 14: return "\u00A0" + current + "\u3000";
            default: return string.Concat(Enumerable.Range(0, 1 + random.Next(40)).Select(_ => (char)Pick<int>([random.Next(0x20, 0x7F), random.Next(0xA0, 0xD7FF), random.Next(0xE000, 0xFFFD)])));
        }
    }

    private int FindQuotedValue(string text)
    {
        for (var tries = 0; tries < 20; tries++)
        {
            var at = text.IndexOf("=\"", random.Next(Math.Max(1, text.Length)), StringComparison.Ordinal);
            if (at >= 0)
            {
                return at + 2;
            }
        }

        return -1;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Describe(XElement element) => $"<{element.Name.LocalName}{((string?)element.Attribute("id") is { } id ? $" id=\"{Show(id, 30)}\"" : "")}>";

    private static string Show(string value, int max = 60) =>
        value.Length <= max ? $"'{value}'" : $"'{value[..max]}…' ({value.Length:N0} characters)";

    [GeneratedRegex("(?<prefix>xmlns(:[^=\\s]+)?)=\"(?<uri>[^\"]*)\"")]
    private static partial Regex DeclarationPattern();
}
