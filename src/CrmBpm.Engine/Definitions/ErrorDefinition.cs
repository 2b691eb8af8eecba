namespace CrmBpm.Engine.Definitions;

/// <summary>
/// A business error a map throws or catches: BPMN's <c>&lt;error id errorCode name&gt;</c>, referenced by an
/// <c>errorEventDefinition</c>'s <c>errorRef</c>. A handler's <see cref="Jobs.BusinessErrorException.Code"/> and an error end
/// event's <see cref="Code"/> are matched against an error boundary's <see cref="Code"/>.
/// </summary>
/// <param name="Id">The BPMN element id (<c>errorRef</c> names it); kept so the file is written back as it was.</param>
/// <param name="Code">The code that is matched (<c>errorCode</c>); null on an error that names none, which only a catch-all catches.</param>
/// <param name="Name">What it is called, for people.</param>
public sealed record ErrorDefinition(string Id, string? Code = null, string? Name = null)
{
    /// <summary>How the error is named in messages: its code, else its name, else its id.</summary>
    public string DisplayName => Code ?? Name ?? (Id.Length > 0 ? Id : "(no code)");
}
