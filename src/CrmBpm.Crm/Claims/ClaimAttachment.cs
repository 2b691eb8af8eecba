namespace CrmBpm.Crm.Claims;

/// <summary>A file attached to a claim. The content lives in blob storage under <see cref="StorageKey"/>; the CRM keeps only the reference.</summary>
public sealed record ClaimAttachment(Guid Id, string FileName, string ContentType, long Size, string StorageKey, string AddedBy, DateTimeOffset AddedAt);
