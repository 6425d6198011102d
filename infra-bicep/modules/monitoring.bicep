// Log Analytics workspace and the workspace-based Application Insights component the Function App reports to.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

@description('Log Analytics workspace name.')
param logAnalyticsName string

@description('Application Insights component name.')
param applicationInsightsName string

@description('Days Log Analytics keeps data.')
@minValue(30)
@maxValue(730)
param retentionInDays int

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    // The Functions host authenticates with Entra ID (APPLICATIONINSIGHTS_AUTHENTICATION_STRING + Monitoring
    // Metrics Publisher). Local auth stays on so the worker's Application Insights SDK, which sends with the
    // connection string alone, keeps working; the connection string is an identifier, not a credential.
    DisableLocalAuth: false
  }
}

output applicationInsightsName string = applicationInsights.name
output connectionString string = applicationInsights.properties.ConnectionString
