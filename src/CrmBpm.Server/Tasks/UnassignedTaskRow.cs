using CrmBpm.Engine.Tasks;

namespace CrmBpm.Server.Tasks;

/// <summary>One row of the Unassigned list: the task, its route map and point by name, its subject by name.</summary>
public sealed record UnassignedTaskRow(WorkTask Task, string MapName, string PointName, TaskSubject? Subject);
