// Writes the Function App's complete app settings. Kept apart from the site so it runs after the role assignments:
// Key Vault references and identity-based connections resolve when the settings change and the app restarts.

@description('Function App name.')
param functionAppName string

@description('Every app setting, name to value. Replaces the app\'s current settings.')
param settings { *: string }

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: settings
}
