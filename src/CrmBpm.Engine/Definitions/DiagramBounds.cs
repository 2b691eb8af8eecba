namespace CrmBpm.Engine.Definitions;

/// <summary>A rectangle on the canvas: top-left corner and size, in diagram units (pixels in bpmn.io).</summary>
public readonly record struct DiagramBounds(double X, double Y, double Width, double Height)
{
    /// <summary>True when the two rectangles share some area.</summary>
    public bool Overlaps(DiagramBounds other) =>
        X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;
}
