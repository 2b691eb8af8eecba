using CrmBpm.Server.Organisation;

namespace CrmBpm.Server.Api.Contracts;

/// <summary>A member of a performer role, optionally for an addressing object.</summary>
public sealed record MemberDto(string UserName, string DisplayName, string? AddressingObject, bool IsActive)
{
    /// <summary>Maps.</summary>
    public static MemberDto From(Membership m) => new(m.UserName, m.DisplayName, m.AddressingObject, m.IsActive);
}

/// <summary>A performer role with its members.</summary>
public sealed record PerformerRoleDto(string Name, string? Description, IReadOnlyList<MemberDto> Members)
{
    /// <summary>Maps.</summary>
    public static PerformerRoleDto From(PerformerRoleView r) => new(r.Name, r.Description, [.. r.Members.Select(MemberDto.From)]);
}

/// <summary>A performer role as the designer's performer picker offers it: how many active members it has (0: nobody would get its tasks).</summary>
public sealed record PerformerRoleChoiceDto(string Name, string? Description, int ActiveMembers)
{
    /// <summary>Maps.</summary>
    public static PerformerRoleChoiceDto From(PerformerRoleView r) => new(r.Name, r.Description, r.Members.Count(m => m.IsActive));
}

/// <summary>Creating a performer role. The name is the key route maps and tasks store: it cannot be changed later.</summary>
public sealed record CreatePerformerRoleRequest(string? Name, string? Description);

/// <summary>Editing a performer role: only the description (the name is the key).</summary>
public sealed record UpdatePerformerRoleRequest(string? Description);

/// <summary>Adding a member to a performer role, optionally for an addressing object.</summary>
public sealed record AddMemberRequest(string? UserName, string? AddressingObject);

/// <summary>An addressing object: kind, name, parent department and head (departments only), and whether it is active.</summary>
public sealed record AddressingObjectDto(string Name, AddressingObjectKind Kind, string? Parent, string? Head, bool IsActive)
{
    /// <summary>Maps.</summary>
    public static AddressingObjectDto From(AddressingObjectView o) => new(o.Name, o.Kind, o.Parent, o.Head, o.IsActive);
}

/// <summary>Creating an addressing object. The name is the key tasks store: it cannot be changed later.</summary>
public sealed record CreateAddressingObjectRequest(string? Name, AddressingObjectKind? Kind, string? Parent, string? Head)
{
    /// <summary>The changeable part.</summary>
    public AddressingObjectChange ToChange() => new() { Kind = Kind, Parent = Parent, Head = Head };
}

/// <summary>Editing an addressing object: kind, parent and head are replaced; <c>active</c> false deactivates, true reactivates, absent keeps.</summary>
public sealed record UpdateAddressingObjectRequest(AddressingObjectKind? Kind, string? Parent, string? Head, bool? Active = null)
{
    /// <summary>The change.</summary>
    public AddressingObjectChange ToChange() => new() { Kind = Kind, Parent = Parent, Head = Head, Active = Active };
}
