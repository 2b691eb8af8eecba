namespace CrmBpm.Server.Tasks;

/// <summary>What the task card says on My tasks after sending the user back there: what happened, and to which process.</summary>
public sealed record TaskNotice(string Message, Guid? InstanceId = null);

/// <summary>Hands a <see cref="TaskNotice"/> from the task card to My tasks within one circuit; shown once.</summary>
public sealed class TaskNotices
{
    private TaskNotice? _pending;

    /// <summary>Leaves a notice for the next My tasks page.</summary>
    public void Leave(TaskNotice notice) => _pending = notice;

    /// <summary>The notice left, if any; it is gone afterwards.</summary>
    public TaskNotice? Take()
    {
        var notice = _pending;
        _pending = null;
        return notice;
    }
}
