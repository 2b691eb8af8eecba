namespace CrmBpm.Engine.Jobs;

/// <summary>
/// The names handlers were registered under (<c>bpm.AddHandler&lt;T&gt;(name)</c>), so that validation refuses a map naming a
/// handler this application does not have; the handlers themselves are keyed DI services resolved per run.
/// </summary>
public sealed class ServiceTaskHandlerRegistry
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Every registered name.</summary>
    public IReadOnlySet<string> Names => _names;

    internal void Add(string name)
    {
        if (!_names.Add(name))
        {
            throw new InvalidOperationException($"A handler named '{name}' is already registered; each name calls one handler.");
        }
    }
}
