using System.Text;
using System.Xml.Linq;
using CrmBpm.Engine.Definitions;
using static CrmBpm.Engine.Bpmn.BpmnNamespaces;

namespace CrmBpm.Engine.Bpmn;

/// <summary>
/// The root <c>&lt;message&gt;</c> and <c>&lt;signal&gt;</c> elements an export needs: points name messages and signals, BPMN
/// references them by id. A message or signal the file already declared (kept on import) keeps its id; one a map names
/// and no kept element declares is added as <c>Message_&lt;name&gt;</c> / <c>Signal_&lt;name&gt;</c>.
/// </summary>
internal sealed class EventReferences
{
    private readonly Dictionary<(string Element, string Name), string> _ids = [];

    /// <summary>Indexes the kept root elements and returns the ones to add for the names <paramref name="maps"/> use.</summary>
    public IReadOnlyList<XElement> Declare(IReadOnlyList<RouteMap> maps, IEnumerable<XElement> keptRootElements)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kept in keptRootElements)
        {
            if ((string?)kept.Attribute("id") is { } id)
            {
                taken.Add(id);
                if (kept.Name.LocalName is "message" or "signal")
                {
                    _ids.TryAdd((kept.Name.LocalName, (string?)kept.Attribute("name") is { Length: > 0 } name ? name : id), id);
                }
            }
        }

        var added = new List<XElement>();
        foreach (var (element, name) in maps.SelectMany(m => m.Points).SelectMany(Names).Where(n => n.Name.Length > 0).Distinct())
        {
            if (_ids.ContainsKey((element, name)))
            {
                continue;
            }

            var id = (element == "message" ? "Message_" : "Signal_") + XmlIdPart(name);
            for (var n = 2; !taken.Add(id); n++)
            {
                id = $"{(element == "message" ? "Message_" : "Signal_")}{XmlIdPart(name)}_{n}";
            }

            _ids[(element, name)] = id;
            added.Add(new XElement(BpmnNs + element, new XAttribute("id", id), new XAttribute("name", name)));
        }

        return added;
    }

    /// <summary>The id of the declared message (or signal) of that name; null for no name.</summary>
    public string? Id(string element, string? name) =>
        string.IsNullOrEmpty(name) ? null : _ids.GetValueOrDefault((element, name));

    private static IEnumerable<(string Element, string Name)> Names(Point point) => point switch
    {
        MessageWaitPoint wait => [("message", wait.MessageName)],
        BoundaryMessagePoint boundary => [("message", boundary.MessageName)],
        StartPoint { MessageName: { } message } => [("message", message)],
        SignalWaitPoint wait => [("signal", wait.SignalName)],
        SignalThrowPoint signalThrow => [("signal", signalThrow.SignalName)],
        BoundarySignalPoint boundary => [("signal", boundary.SignalName)],
        EndPoint { SignalName: { } signal } => [("signal", signal)],
        StartPoint { SignalName: { } startSignal } => [("signal", startSignal)],
        _ => [],
    };

    private static string XmlIdPart(string name)
    {
        var id = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            id.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_');
        }

        return id.ToString();
    }
}
