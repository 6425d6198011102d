// The Function App (Presale's custom handler) with a system-assigned identity, on the plan chosen by parameter:
//  - FlexConsumption (default): FC1 plan; the package is pulled from the deployment blob container with the app's
//    identity; the runtime comes from functionAppConfig.runtime (FUNCTIONS_WORKER_RUNTIME is not allowed there).
//  - ElasticPremium (fallback): EP plan on Linux; FUNCTIONS_WORKER_RUNTIME=custom and the package runs from a blob
//    URL read with the app's identity (WEBSITE_RUN_FROM_PACKAGE), so no Azure Files share and no storage key.
// App settings are written separately (appSettings.bicep) after the role assignments exist.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Hosting plan.')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string

@description('Plan name.')
param planName string

@description('Function App name (globally unique host name).')
param functionAppName string


@description('URL of the deployment blob container.')
param deploymentContainerUrl string

@description('Name of the package blob inside the deployment container (Elastic Premium runs it from there).')
param packageBlobName string

@description('Flex Consumption: functionAppConfig.runtime.name. "custom" is the custom-handler stack; see docs/deploy.md for the fallback.')
param flexRuntimeName string

@description('Flex Consumption: functionAppConfig.runtime.version.')
param flexRuntimeVersion string

@description('Flex Consumption: instance memory in MB.')
@allowed([
  512
  2048
  4096
])
param flexInstanceMemoryMB int

@description('Flex Consumption: maximum instance count.')
@minValue(40)
@maxValue(1000)
param flexMaximumInstanceCount int

@description('Elastic Premium: SKU (EP1, EP2, EP3).')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param premiumSku string

@description('Elastic Premium: maximum burst instance count.')
@minValue(1)
@maxValue(100)
param premiumMaximumElasticWorkerCount int

var isFlex = hostingPlan == 'FlexConsumption'

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex
    ? {
        tier: 'FlexConsumption'
        name: 'FC1'
      }
    : {
        tier: 'ElasticPremium'
        name: premiumSku
      }
  properties: isFlex
    ? {
        reserved: true
      }
    : {
        reserved: true
        maximumElasticWorkerCount: premiumMaximumElasticWorkerCount
      }
}

var commonSiteProperties = {
  serverFarmId: plan.id
  reserved: true
  httpsOnly: true
}

var flexSiteProperties = {
  siteConfig: {
    minTlsVersion: '1.2'
    ftpsState: 'Disabled'
  }
  functionAppConfig: {
    deployment: {
      storage: {
        type: 'blobContainer'
        value: deploymentContainerUrl
        authentication: {
          type: 'SystemAssignedIdentity'
        }
      }
    }
    scaleAndConcurrency: {
      maximumInstanceCount: flexMaximumInstanceCount
      instanceMemoryMB: flexInstanceMemoryMB
    }
    runtime: {
      name: flexRuntimeName
      version: flexRuntimeVersion
    }
  }
}

var premiumSiteProperties = {
  siteConfig: {
    minTlsVersion: '1.2'
    ftpsState: 'Disabled'
    // The custom-handler stack on Linux has no linuxFxVersion (the Functions stacks API lists it empty).
    linuxFxVersion: ''
    preWarmedInstanceCount: 1
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: union(commonSiteProperties, isFlex ? flexSiteProperties : premiumSiteProperties)
}

// Settings only one plan accepts. Flex derives the worker from functionAppConfig.runtime and rejects
// FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION; Elastic Premium needs both, and runs the package
// straight from the deployment container with the app's identity (Storage Blob Data Owner covers the read).
var premiumOnlySettings = {
  FUNCTIONS_EXTENSION_VERSION: '~4'
  FUNCTIONS_WORKER_RUNTIME: 'custom'
  WEBSITE_RUN_FROM_PACKAGE: '${deploymentContainerUrl}/${packageBlobName}'
  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: 'SystemAssigned'
}

output functionAppName string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output principalId string = functionApp.identity.principalId
output planSpecificSettings object = isFlex ? {} : premiumOnlySettings
