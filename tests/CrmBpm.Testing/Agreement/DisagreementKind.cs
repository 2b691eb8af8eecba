namespace CrmBpm.Testing.Agreement;

/// <summary>
/// How a CRM record and the engine disagree. Every kind is a split that one transaction per command (the CRM change
/// joined to the engine command that causes or follows it) must make impossible.
/// </summary>
public enum DisagreementKind
{
    /// <summary>A process-controlled deal in work, an instruction or a claim whose process never started.</summary>
    RecordWithoutProcess,

    /// <summary>A deal taken out of process control whose process still runs.</summary>
    ReleasedDealProcessStillRunning,

    /// <summary>The record names a process instance the engine does not have.</summary>
    ProcessMissing,

    /// <summary>A record in work whose process has ended (or an ended record whose process still runs).</summary>
    ProcessStateDiffers,

    /// <summary>A process-controlled deal whose stage is not the stage its process last entered.</summary>
    DealStageDiffers,

    /// <summary>A deal closed won or lost whose process did not end with that result.</summary>
    DealResultDiffers,

    /// <summary>A process ended Won or Lost while its deal stays in work.</summary>
    ProcessEndedButDealInWork,

    /// <summary>A running or Won/Lost process about a record that is attached to another process, or to none.</summary>
    ProcessNotAttached,

    /// <summary>An instruction whose status or current task is not what its process shows.</summary>
    InstructionStateDiffers,

    /// <summary>A claim plan item or decision that is not what its task shows.</summary>
    ClaimStateDiffers,
}
