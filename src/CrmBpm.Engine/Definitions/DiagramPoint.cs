namespace CrmBpm.Engine.Definitions;

/// <summary>A point on the canvas (an edge waypoint).</summary>
public readonly record struct DiagramPoint(double X, double Y);
