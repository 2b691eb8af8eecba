namespace CrmBpm.Server.Organisation;

/// <summary>Departments in tree order (each under its parent, siblings by name) with their depth, for pickers and the Structure page.</summary>
public static class DepartmentTree
{
    /// <summary>
    /// The departments of <paramref name="objects"/> depth-first; a department whose parent is missing (or a stored cycle)
    /// is shown at the top rather than lost.
    /// </summary>
    public static IReadOnlyList<(AddressingObject Department, int Depth)> Order(IEnumerable<AddressingObject> objects)
    {
        var departments = objects.Where(o => o.Kind == AddressingObjectKind.Department).ToList();
        var ids = departments.Select(d => d.Id).ToHashSet();
        var children = departments.ToLookup(d => d.ParentId is { } parent && ids.Contains(parent) ? parent : (long?)null);
        var ordered = new List<(AddressingObject, int)>();
        var placed = new HashSet<long>();

        void Visit(AddressingObject department, int depth)
        {
            if (!placed.Add(department.Id))
            {
                return;
            }

            ordered.Add((department, depth));
            foreach (var child in children[department.Id].OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase))
            {
                Visit(child, depth + 1);
            }
        }

        foreach (var root in children[null].OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            Visit(root, 0);
        }

        foreach (var rest in departments.Where(d => !placed.Contains(d.Id)).OrderBy(d => d.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            Visit(rest, 0);
        }

        return ordered;
    }
}
