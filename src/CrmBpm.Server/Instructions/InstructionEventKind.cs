namespace CrmBpm.Server.Instructions;

/// <summary>Kinds of <see cref="InstructionEvent"/>, in the order they happen at the same moment.</summary>
public enum InstructionEventKind
{
    /// <summary>The author gave it.</summary>
    Given,

    /// <summary>The performer took it into work.</summary>
    Accepted,

    /// <summary>The performer reported it done.</summary>
    Reported,

    /// <summary>The author returned it with a comment.</summary>
    Returned,

    /// <summary>The author accepted the result.</summary>
    Verified,

    /// <summary>Done without verification (author = performer).</summary>
    Completed,
}
