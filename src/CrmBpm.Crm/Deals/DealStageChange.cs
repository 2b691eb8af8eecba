namespace CrmBpm.Crm.Deals;

/// <summary>One recorded stage change: from, to (codes and display name), who, when and by what.</summary>
public sealed record DealStageChange(string? FromStage, string ToStage, string ToStageName, string By, DateTimeOffset At, StageChangeSource Source);
