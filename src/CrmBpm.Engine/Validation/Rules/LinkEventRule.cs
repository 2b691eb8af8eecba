using CrmBpm.Engine.Definitions;

namespace CrmBpm.Engine.Validation.Rules;

/// <summary>
/// Link events pair up by name within one scope (the process, or one sub-process; the validator checks each scope on its own):
/// every throw and catch link names its link (<c>link.name-missing</c>), a scope has at most one catch link of a name
/// (<c>link.catch-duplicate</c>), every throw link has a catch link of its name (<c>link.catch-missing</c>), nothing leads into a
/// catch link (<c>link.catch-incoming</c>: tokens come from its throws) and nothing leaves a throw link (<c>link.throw-outgoing</c>:
/// its token jumps to the catch). A catch link no throw jumps to is an unreachable point (<c>point.unreachable</c>).
/// </summary>
public sealed class LinkEventRule : IValidationRule
{
    /// <inheritdoc />
    public IEnumerable<ValidationProblem> Check(RouteMap map, ValidationContext context)
    {
        var throws = map.Points.OfType<LinkThrowPoint>().ToList();
        var catches = map.Points.OfType<LinkCatchPoint>().ToList();
        if (throws.Count + catches.Count == 0)
        {
            yield break;
        }

        var graph = new MapGraph(map);
        foreach (var link in throws)
        {
            if (string.IsNullOrWhiteSpace(link.LinkName))
            {
                yield return new("link.name-missing", link.Id, $"{link.KindName} '{link.DisplayName}' names no link: give it the name of the catch link it jumps to.");
            }
            else if (!catches.Any(c => c.LinkName == link.LinkName))
            {
                yield return new("link.catch-missing", link.Id,
                    $"{link.KindName} '{link.DisplayName}' jumps to link '{link.LinkName}', but no catch link of that name stands beside it; add a catch link named '{link.LinkName}' in the same {(link.ScopeId is null ? "process" : "sub-process")}, or rename the link.");
            }

            if (graph.Outgoing(link.Id).Count > 0)
            {
                yield return new("link.throw-outgoing", link.Id,
                    $"{link.KindName} '{link.DisplayName}' (link '{link.LinkName}') has an outgoing flow; a throw link's token jumps to its catch link, so no flow may leave it.");
            }
        }

        foreach (var link in catches)
        {
            if (string.IsNullOrWhiteSpace(link.LinkName))
            {
                yield return new("link.name-missing", link.Id, $"{link.KindName} '{link.DisplayName}' names no link: give it the name its throw links jump to.");
            }
            else if (catches.FirstOrDefault(c => c.LinkName == link.LinkName) is { } first && !ReferenceEquals(first, link))
            {
                yield return new("link.catch-duplicate", link.Id,
                    $"Link '{link.LinkName}' is caught twice, at '{first.DisplayName}' and at '{link.DisplayName}'; a throw link would not know where to jump, so each catch link needs a name of its own.");
            }

            if (graph.Incoming(link.Id).Count > 0)
            {
                yield return new("link.catch-incoming", link.Id,
                    $"{link.KindName} '{link.DisplayName}' (link '{link.LinkName}') has an incoming flow; tokens reach a catch link only from its throw links, so no flow may lead into it.");
            }
        }
    }
}
