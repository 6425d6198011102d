namespace Presale.Functions.Tests.Deployment;

/// <summary>A role assignment resource found in the templates.</summary>
/// <param name="File">Template file (relative to infra-bicep/).</param>
/// <param name="Symbol">Bicep symbolic name of the assignment.</param>
/// <param name="RoleDefinitionId">Built-in role definition GUID (lower case).</param>
/// <param name="ScopeType">Resource type of the scope, e.g. Microsoft.Storage/storageAccounts.</param>
/// <param name="PrincipalExpression">The <c>principalId:</c> expression.</param>
/// <param name="Conditional">True when the resource is declared with <c>= if (...)</c>.</param>
internal sealed record RoleAssignment(
    string File, string Symbol, string RoleDefinitionId, string ScopeType, string PrincipalExpression, bool Conditional);
