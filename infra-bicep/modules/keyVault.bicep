// Key Vault in RBAC mode for the secrets the app reads through Key Vault references: the key that encrypts
// per-supplier webhook secrets at rest and the shop notification webhook's signing secret. The template creates no
// secret values (none may live in the repository); docs/deploy.md shows how an operator sets them.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Key Vault name (3-24 characters, globally unique).')
@minLength(3)
@maxLength(24)
param keyVaultName string

@description('Turn on purge protection (cannot be turned off again; use it in production).')
param enablePurgeProtection bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // ARM accepts only true or an absent value here.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

output keyVaultName string = vault.name
output keyVaultUri string = vault.properties.vaultUri
