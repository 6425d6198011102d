// Presale in one resource group: storage (host storage, tables, deployment container), Service Bus queues, the
// Function App (custom handler) on Flex Consumption or Elastic Premium, Application Insights on Log Analytics,
// Key Vault for secrets, and role assignments for the app's managed identity. No keys in app settings.
//
// Deploy (see docs/deploy.md):
//   az deployment group create -g <rg> -f infra-bicep/main.bicep -p infra-bicep/main.dev.bicepparam
//
// Conventions the deployment cross-check test relies on (tests/Presale.Functions.Tests/Deployment):
//  - every Service Bus queue is an entry of `var serviceBusQueues`;
//  - every app setting that applies on all plans is a key of `commonSettings` or `presaleSettings`;
//  - every role the app holds is a `Microsoft.Authorization/roleAssignments` resource in modules/roleAssignments.bicep.

targetScope = 'resourceGroup'

@description('Short environment name used in resource names and tags (e.g. dev, prod).')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region for every resource. Flex Consumption is not offered in every region: `az functionapp list-flexconsumption-locations`.')
param location string = resourceGroup().location

@description('Hosting plan for the Function App. Flex Consumption by default; Elastic Premium is the fallback (docs/deploy.md).')
@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string = 'FlexConsumption'

@description('Flex Consumption runtime stack name. "custom" is the custom-handler stack.')
param flexRuntimeName string = 'custom'

@description('Flex Consumption runtime stack version.')
param flexRuntimeVersion string = '1.0'

@description('Flex Consumption instance memory (MB).')
@allowed([
  512
  2048
  4096
])
param flexInstanceMemoryMB int = 2048

@description('Flex Consumption maximum instance count.')
@minValue(40)
@maxValue(1000)
param flexMaximumInstanceCount int = 100

@description('Elastic Premium SKU.')
@allowed([
  'EP1'
  'EP2'
  'EP3'
])
param premiumSku string = 'EP1'

@description('Elastic Premium maximum burst instances.')
@minValue(1)
@maxValue(100)
param premiumMaximumElasticWorkerCount int = 20

@description('Service Bus tier (Basic lacks duplicate detection, so it is not offered).')
@allowed([
  'Standard'
  'Premium'
])
param serviceBusSku string = 'Standard'

@description('Service Bus Premium messaging units.')
@allowed([
  1
  2
  4
  8
  16
])
param serviceBusPremiumCapacity int = 1

@description('Storage account redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Log Analytics retention in days.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Key Vault purge protection (irreversible; on in production).')
param keyVaultPurgeProtection bool = false

@description('IANA time zone of the shop: promise dates are the shop\'s local dates.')
param shopTimeZone string

@description('HTTPS URL of the shop\'s notification webhook (customer notifications are POSTed there).')
param notificationWebhookUrl string

@description('Optional: the public https base URL customers reach the app at, when a custom domain fronts it (e.g. https://presale.shop.example). Empty = the Function App\'s default host name. Consent links in delay notices point here.')
param publicBaseUrl string = ''

@description('Optional: object id of the operator allowed to set Key Vault secrets (e.g. `az ad signed-in-user show --query id -o tsv`). Empty = none.')
param secretsOfficerPrincipalId string = ''

@description('Principal type of secretsOfficerPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param secretsOfficerPrincipalType string = 'User'

@description('Tags applied to every resource, in addition to app and environment.')
param tags object = {}

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var allTags = union(tags, {
  app: 'presale'
  environment: environmentName
})
var functionAppName = 'func-presale-${environmentName}-${resourceToken}'
var deploymentContainerName = 'app-package'
var packageBlobName = 'presale.zip'

// Names of the Key Vault secrets the app reads through Key Vault references. Their values are set by an operator.
var supplierSecretEncryptionKeySecretName = 'supplier-secret-encryption-key'
var notificationWebhookSecretName = 'notification-webhook-secret'
var consentLinkKeySecretName = 'consent-link-key'

// One entry per serviceBusTrigger queueName in functions/Presale.Functions/Definitions/*/function.json.
// lockDuration covers one handler run (at most PT5M, the Service Bus limit); the Functions host renews the lock for
// longer runs up to host.json's extensions.serviceBus.maxAutoLockRenewalDuration (00:11:00), which is at least the
// functionTimeout (00:10:00), so a run never outlives its lock. After maxDeliveryCount failed deliveries a message is
// dead-lettered; the notifications queue's count must equal Presale:Notifications:MaxDeliveryCount (default 10).
// Publishers always set MessageId, so duplicates inside the window are dropped. The cross-check test checks all this.
var serviceBusQueues = [
  {
    // Reconciliation: re-plans a SKU's open orders after an ETA update or goods receipt. Recomputes from state,
    // so redelivery is harmless; a big SKU can take tens of seconds.
    name: 'reconcile'
    lockDuration: 'PT2M'
    maxDeliveryCount: 10
    defaultMessageTimeToLive: 'P14D'
    duplicateDetectionHistoryTimeWindow: 'PT10M'
  }
  {
    // Notification delivery: one POST to the shop's webhook per message (bounded HTTP timeout).
    name: 'notifications'
    lockDuration: 'PT1M'
    maxDeliveryCount: 10
    defaultMessageTimeToLive: 'P7D'
    duplicateDetectionHistoryTimeWindow: 'PT1H'
  }
]

module monitoring './modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: allTags
    logAnalyticsName: 'log-presale-${environmentName}-${resourceToken}'
    applicationInsightsName: 'appi-presale-${environmentName}-${resourceToken}'
    retentionInDays: logRetentionInDays
  }
}

module storage './modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: allTags
    storageAccountName: 'stpresale${take(resourceToken, 15)}'
    deploymentContainerName: deploymentContainerName
    skuName: storageSku
  }
}

module serviceBus './modules/serviceBus.bicep' = {
  name: 'serviceBus'
  params: {
    location: location
    tags: allTags
    namespaceName: 'sb-presale-${environmentName}-${resourceToken}'
    skuName: serviceBusSku
    premiumCapacity: serviceBusPremiumCapacity
    queues: serviceBusQueues
  }
}

module keyVault './modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    tags: allTags
    keyVaultName: 'kv-presale-${take(resourceToken, 13)}'
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module functionApp './modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    location: location
    tags: allTags
    hostingPlan: hostingPlan
    planName: 'plan-presale-${environmentName}-${resourceToken}'
    functionAppName: functionAppName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    packageBlobName: packageBlobName
    flexRuntimeName: flexRuntimeName
    flexRuntimeVersion: flexRuntimeVersion
    flexInstanceMemoryMB: flexInstanceMemoryMB
    flexMaximumInstanceCount: flexMaximumInstanceCount
    premiumSku: premiumSku
    premiumMaximumElasticWorkerCount: premiumMaximumElasticWorkerCount
  }
}

module roleAssignments './modules/roleAssignments.bicep' = {
  name: 'roleAssignments'
  params: {
    appPrincipalId: functionApp.outputs.principalId
    storageAccountName: storage.outputs.storageAccountName
    serviceBusNamespaceName: serviceBus.outputs.namespaceName
    keyVaultName: keyVault.outputs.keyVaultName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    secretsOfficerPrincipalId: secretsOfficerPrincipalId
    secretsOfficerPrincipalType: secretsOfficerPrincipalType
  }
}

// The address customers reach the app at: a custom domain when given, otherwise the Function App's default host name.
var appPublicBaseUrl = empty(publicBaseUrl) ? 'https://${functionApp.outputs.defaultHostName}' : publicBaseUrl

// Settings the Functions host and the handler read on every plan. Connections are identity-based: an account or
// namespace name, never a key or connection string.
var commonSettings = {
  AzureWebJobsStorage__accountName: storage.outputs.storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  ServiceBusConnection__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
}

// Presale's options (Presale__<Section>__<Property>, one options class per section with SectionName "Presale:<Section>").
// The cross-check test fails when an options class marks a property [Required] and it is missing here, or when a
// setting names a property its options class does not have.
var presaleSettings = {
  // Table Storage and Service Bus use the identity connections above (AzureWebJobsStorage__accountName and
  // ServiceBusConnection__fullyQualifiedNamespace), the defaults of Presale:Storage:Connection and
  // Presale:Messaging:ServiceBusConnection.
  // Messages go through Service Bus (the storage-queue transport is the local default only). Under the Functions host
  // the app refuses to start with another transport while serviceBusTrigger functions exist.
  Presale__Messaging__Transport: 'ServiceBus'
  Presale__Orders__TimeZone: shopTimeZone
  // Encrypts each supplier's webhook signing secret at rest.
  Presale__Suppliers__SecretEncryptionKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.keyVaultName};SecretName=${supplierSecretEncryptionKeySecretName})'
  Presale__Notifications__WebhookUrl: notificationWebhookUrl
  Presale__Notifications__WebhookSecret: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.keyVaultName};SecretName=${notificationWebhookSecretName})'
  // Signs the one-click accept/cancel links of delay notices (base64 of at least 32 random bytes).
  Presale__Compensation__ConsentLinkKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.keyVaultName};SecretName=${consentLinkKeySecretName})'
  // Where those links point: the app's public address (the app refuses a loopback address under the Functions host).
  Presale__Compensation__PublicBaseUrl: appPublicBaseUrl
}

module appSettings './modules/appSettings.bicep' = {
  name: 'appSettings'
  params: {
    functionAppName: functionApp.outputs.functionAppName
    settings: union(commonSettings, presaleSettings, functionApp.outputs.planSpecificSettings)
  }
  // Key Vault references and identity connections must find their roles in place when the app restarts.
  dependsOn: [
    roleAssignments
  ]
}

output resourceGroupName string = resourceGroup().name
output functionAppName string = functionApp.outputs.functionAppName
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'
output publicAppUrl string = appPublicBaseUrl
output hostingPlan string = hostingPlan
output storageAccountName string = storage.outputs.storageAccountName
output deploymentContainerName string = deploymentContainerName
output packageBlobName string = packageBlobName
output serviceBusNamespace string = serviceBus.outputs.fullyQualifiedNamespace
output keyVaultName string = keyVault.outputs.keyVaultName
output keyVaultSecretNames array = [
  supplierSecretEncryptionKeySecretName
  notificationWebhookSecretName
  consentLinkKeySecretName
]
