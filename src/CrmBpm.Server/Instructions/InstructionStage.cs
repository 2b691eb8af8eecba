using CrmBpm.Crm.Instructions;

namespace CrmBpm.Server.Instructions;

/// <summary>
/// Where an instruction stands as its people see it. <see cref="InstructionStatus"/> knows no "returned": a returned
/// instruction is executing again, but the performer must see that it came back.
/// </summary>
public enum InstructionStage
{
    /// <summary>The performer executes it for the first time.</summary>
    InWork,

    /// <summary>Reported done; the author verifies it.</summary>
    AwaitingVerification,

    /// <summary>The author returned it with a comment; the performer executes it again.</summary>
    Returned,

    /// <summary>Accepted by the author, or done by an author who was also the performer.</summary>
    Done,

    /// <summary>Its process was terminated.</summary>
    Cancelled,
}

/// <summary>Reads the <see cref="InstructionStage"/> of an instruction.</summary>
public static class InstructionStages
{
    /// <summary>The stage of <paramref name="instruction"/>.</summary>
    public static InstructionStage StageOf(this Instruction instruction)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        return instruction.Status switch
        {
            InstructionStatus.Verifying => InstructionStage.AwaitingVerification,
            InstructionStatus.Completed => InstructionStage.Done,
            InstructionStatus.Cancelled => InstructionStage.Cancelled,
            _ when instruction.Returns.Count > 0 => InstructionStage.Returned,
            _ => InstructionStage.InWork,
        };
    }
}
