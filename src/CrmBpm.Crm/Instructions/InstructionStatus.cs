namespace CrmBpm.Crm.Instructions;

/// <summary>Where an instruction stands.</summary>
public enum InstructionStatus
{
    /// <summary>Given; the process is starting.</summary>
    Given,

    /// <summary>The performer has the Execute task.</summary>
    Executing,

    /// <summary>The author has the Verify task.</summary>
    Verifying,

    /// <summary>Finished: accepted by the author, or done by an author who was also the performer.</summary>
    Completed,

    /// <summary>Its process was terminated.</summary>
    Cancelled,
}
