using System.Xml;
using System.Xml.Linq;

namespace CrmBpm.Designer.Model;

/// <summary>
/// A read-only view of the BPMN XML the canvas last reported, for the properties panel. bpmn-js owns the document;
/// the panel reads what is there (including values the engine would reject, so it can show them) and writes back
/// only through the canvas, so undo/redo covers every edit.
/// </summary>
public sealed class DesignerDocument
{
    /// <summary>BPMN 2.0 model namespace.</summary>
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";

    /// <summary>CrmBpm's extension namespace (see the engine's Bpmn/README.md).</summary>
    public static readonly XNamespace Crm = "https://crmbpm.dev/schema/bpmn";

    private readonly Dictionary<string, XElement> _elements;

    private DesignerDocument(XElement? process)
    {
        Process = process;
        Definitions = process?.Parent;
        _elements = process?.Elements()
            .Where(e => e.Attribute("id") is not null)
            .GroupBy(e => (string)e.Attribute("id")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal) ?? [];
    }

    /// <summary>An empty document (nothing selected can be found in it).</summary>
    public static DesignerDocument Empty { get; } = new(null);

    /// <summary>The first <c>bpmn:process</c>, or null when the XML has none.</summary>
    public XElement? Process { get; }

    /// <summary>The <c>bpmn:definitions</c> root (holding the messages, signals and errors the events refer to), or null.</summary>
    public XElement? Definitions { get; }

    /// <summary>The root elements <c>bpmn:message</c>, <c>bpmn:signal</c> or <c>bpmn:error</c> (<paramref name="localName"/>) of the file.</summary>
    public IEnumerable<XElement> RootElements(string localName) => Definitions?.Elements(Bpmn + localName) ?? [];

    /// <summary>The map key (the process id).</summary>
    public string? Key => (string?)Process?.Attribute("id");

    /// <summary>Parses <paramref name="xml"/>; an unreadable document gives <see cref="Empty"/>.</summary>
    public static DesignerDocument Parse(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return Empty;
        }

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            var document = XDocument.Load(reader);
            return new DesignerDocument(document.Root?.Element(Bpmn + "process"));
        }
        catch (XmlException)
        {
            return Empty;
        }
    }

    /// <summary>The point or flow with <paramref name="id"/>, or null.</summary>
    public DesignerElement? Find(string? id) =>
        id is not null && _elements.TryGetValue(id, out var element) ? new DesignerElement(this, element) : null;

    /// <summary>Every point and flow, in document order.</summary>
    public IEnumerable<DesignerElement> Elements => _elements.Values.Select(e => new DesignerElement(this, e));
}
