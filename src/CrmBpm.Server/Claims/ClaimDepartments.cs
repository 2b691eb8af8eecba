using CrmBpm.Crm.Catalogues;
using CrmBpm.Engine.Errors;
using CrmBpm.Server.Organisation;

namespace CrmBpm.Server.Claims;

/// <summary>
/// The department a claim is given comes from the organisation (Administration → Structure), the one list of departments.
/// The CRM stores a claim's department as an entry of its own Department catalogue (by id), so the chosen department is
/// looked up there by name and added (or restored) on first use: that catalogue is an index the CRM keeps for its claims,
/// no longer edited by hand.
/// </summary>
public sealed class ClaimDepartments(OrganisationDirectory organisation, CatalogueService catalogues)
{
    /// <summary>The departments a claim may be given (active ones), in tree order.</summary>
    public async Task<IReadOnlyList<string>> ChoicesAsync(CancellationToken cancellationToken = default) =>
        [.. DepartmentTree.Order((await organisation.CatalogueAsync(cancellationToken)).ActiveObjects).Select(d => d.Department.Name)];

    /// <summary>
    /// The CRM catalogue's name for the organisation's department <paramref name="department"/> (null when none is given);
    /// refuses a name that is not a department of the organisation, naming the ones that are.
    /// </summary>
    public async Task<string?> ResolveAsync(string? department, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(department))
        {
            return null;
        }

        var structure = await organisation.CatalogueAsync(cancellationToken);
        var offered = string.Join(", ", DepartmentTree.Order(structure.ActiveObjects).Select(d => d.Department.Name));
        var found = structure.FindDepartment(department) ?? throw new InputException("department.unknown", "department",
            $"'{department.Trim()}' is not a department of the organisation; choose one of {offered} (Administration → Structure).");
        if (!found.IsActive)
        {
            throw new InputException("department.deactivated", "department", $"Department '{found.Name}' is deactivated; choose one of {offered}.");
        }

        var entries = await catalogues.ListAsync(CatalogueKind.Department, includeArchived: true, cancellationToken);
        var entry = entries.FirstOrDefault(e => string.Equals(e.Name, found.Name, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            entry = await catalogues.AddAsync(CatalogueKind.Department, found.Name, cancellationToken: cancellationToken);
        }
        else if (entry.IsArchived)
        {
            entry = await catalogues.RestoreAsync(entry.Id, cancellationToken);
        }

        return entry.Name;
    }
}
