namespace CrmBpm.Testing.Agreement;

/// <summary>
/// How a CRM record and the engine disagree. The <c>KnownGap…</c> kinds are the two-step service calls (the record is
/// committed, then the engine is called in a second transaction) that a crash between the two steps leaves half done;
/// every other kind is a true split that one-transaction process steps must make impossible.
/// </summary>
public enum DisagreementKind
{
    /// <summary>Known gap: a process-controlled deal in work, an instruction or a claim whose process never started.</summary>
    KnownGapRecordWithoutProcess,

    /// <summary>Known gap: a deal taken out of process control whose process was not yet terminated.</summary>
    KnownGapReleasedDealProcessStillRunning,

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
