namespace CrmBpm.Engine.Jobs;

/// <summary>
/// The names handlers were registered under (<c>bpm.AddHandler&lt;T&gt;(name)</c>), so that validation refuses a map naming a
/// handler this application does not have; the handlers themselves are keyed DI services resolved per run.
/// </summary>
public sealed class ServiceTaskHandlerRegistry
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly List<RegisteredHandler> _handlers = [];

    /// <summary>Every registered name.</summary>
    public IReadOnlySet<string> Names => _names;

    /// <summary>Every registered handler with what it does, reads and sets, by name (for the designer's handler picker).</summary>
    public IReadOnlyList<RegisteredHandler> Handlers => [.. _handlers.OrderBy(h => h.Name, StringComparer.Ordinal)];

    internal void Add(string name, HandlerDescription? description = null)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"A handler named '{name}' is already registered; each name calls one handler.");
        }

        _handlers.Add(new RegisteredHandler(name, description ?? new HandlerDescription()));
    }
}
