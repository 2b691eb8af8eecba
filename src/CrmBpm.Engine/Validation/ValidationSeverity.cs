namespace CrmBpm.Engine.Validation;

/// <summary>How much a validation problem matters: errors refuse publishing, warnings are shown and do not.</summary>
public enum ValidationSeverity
{
    /// <summary>The map cannot run as drawn; publishing is refused.</summary>
    Error,

    /// <summary>The map runs, but probably not as the consultant meant (e.g. a role nobody holds); publishing goes ahead.</summary>
    Warning,
}
