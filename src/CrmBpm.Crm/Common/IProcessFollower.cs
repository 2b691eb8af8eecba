using CrmBpm.Engine.Events;

namespace CrmBpm.Crm.Common;

/// <summary>Makes CRM records follow the processes they are bound to (a deal its stages, an instruction its steps), event by event.</summary>
internal interface IProcessFollower
{
    /// <summary>Applies one engine event of the command being followed to the records it concerns, through <see cref="ProcessFollowing.SessionAsync"/>.</summary>
    Task FollowAsync(ProcessFollowing following, EngineEvent engineEvent, CancellationToken cancellationToken);
}
