namespace CrmBpm.Crm.Interactions;

/// <summary>Kinds of interaction with a partner.</summary>
public enum InteractionKind
{
    /// <summary>A meeting.</summary>
    Meeting,

    /// <summary>A planned interaction (a reminder to get in touch).</summary>
    PlannedInteraction,

    /// <summary>A phone call.</summary>
    Call,

    /// <summary>An e-mail.</summary>
    Email,

    /// <summary>A text message.</summary>
    Sms,
}
