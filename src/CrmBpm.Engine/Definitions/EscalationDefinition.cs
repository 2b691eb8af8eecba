namespace CrmBpm.Engine.Definitions;

/// <summary>
/// An escalation a map throws or catches: BPMN's <c>&lt;escalation id escalationCode name&gt;</c>, referenced by an
/// <c>escalationEventDefinition</c>'s <c>escalationRef</c>. Not to be confused with a task's escalation ladder
/// (<see cref="EscalationStep"/>): this one is an event that travels up from a sub-process or a called map to whoever catches it.
/// </summary>
/// <param name="Id">The BPMN element id (<c>escalationRef</c> names it); kept so the file is written back as it was; "" for a definition without a reference.</param>
/// <param name="Code">The code that is matched (<c>escalationCode</c>); null on one that names none, which only a catch-all catches.</param>
/// <param name="Name">What it is called, for people.</param>
public sealed record EscalationDefinition(string Id, string? Code = null, string? Name = null)
{
    /// <summary>How the escalation is named in messages: its code, else its name, else its id.</summary>
    public string DisplayName => Code ?? Name ?? (Id.Length > 0 ? Id : "(no code)");

    /// <summary>True when a catch of this escalation catches <paramref name="thrown"/>: one without a code catches every escalation.</summary>
    public static bool Catches(EscalationDefinition? caught, string? thrown) =>
        caught?.Code is not { } code || string.Equals(code, thrown, StringComparison.Ordinal);
}
