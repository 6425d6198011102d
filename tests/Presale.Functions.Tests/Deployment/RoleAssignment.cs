namespace Presale.Functions.Tests.Deployment;

/// <summary>A role assignment the template deploys.</summary>
/// <param name="RoleDefinitionId">Built-in role definition GUID (lower case).</param>
/// <param name="Scope">Resource id of the scope.</param>
/// <param name="PrincipalId">The <c>principalId</c> value: a GUID, or an ARM expression evaluated at deployment.</param>
internal sealed record RoleAssignment(string RoleDefinitionId, string Scope, string PrincipalId)
{
    /// <summary>True when the assignment covers <paramref name="resourceId"/>: on it or on a resource that contains it.</summary>
    public bool Covers(string resourceId) =>
        string.Equals(Scope, resourceId, StringComparison.OrdinalIgnoreCase)
        || resourceId.StartsWith(Scope + "/", StringComparison.OrdinalIgnoreCase);
}
