namespace CrmBpm.Server.Absences;

/// <summary>An absence with the people's names, as lists show it.</summary>
public sealed record AbsenceView(Absence Absence, string AbsentName, string SubstituteName, bool MayChange);
