namespace CrmBpm.NodeHost;

/// <summary>
/// The faults a victim node injects, in order, so that when the test kills it the node holds both kinds of unfinished work
/// a crash can leave: leased timers it never fires (<c>--drop-leased-reminders</c>) and an automatic step whose handler
/// is running (<c>--hang-in-handler</c>, armed only once the reminders are dropped, so one cannot block the other).
/// </summary>
internal sealed class NodeFaults(NodeArguments arguments)
{
    private int _remindersDropped;
    private int _handlerHung;

    public bool DropLeasedReminders => arguments.DropLeasedReminders;

    public bool RemindersDropped => Volatile.Read(ref _remindersDropped) == 1;

    /// <summary>True once, for the first batch of leased reminders to drop.</summary>
    public bool TakeReminderDrop() => arguments.DropLeasedReminders && Interlocked.Exchange(ref _remindersDropped, 1) == 0;

    /// <summary>True once, for the first handler run after the reminders were dropped.</summary>
    public bool TakeHandlerHang() => arguments.HangInHandler && (RemindersDropped || !arguments.DropLeasedReminders) && Interlocked.Exchange(ref _handlerHung, 1) == 0;
}
