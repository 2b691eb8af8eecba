using CrmBpm.Crm.DependencyInjection;

namespace CrmBpm.Testing.CrmSuites;

/// <summary>A throw-away database that holds the engine's data and the CRM's: created before a test, removed after it.</summary>
public interface ICrmTestDatabase : ITestDatabase
{
    void AttachCrm(CrmBuilder crm);
}
