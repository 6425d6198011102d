// Presale in one resource group: storage (host storage, the app's tables and queues, the deployment container), a
// Service Bus namespace with the integration-event topic, the Function App (.NET isolated worker) on Flex Consumption,
// Application Insights on Log Analytics, Key Vault for secrets, and role assignments for the app's managed identity.
// No keys or connection strings in app settings: every connection is identity-based.
//
// Deploy (see docs/deploy.md):
//   az deployment group create -g <rg> -f infra-bicep/main.bicep -p infra-bicep/main.dev.bicepparam
//
// tests/Presale.Functions.Tests/Deployment builds and lints this template with the Bicep CLI and checks what it
// deploys (app settings, queues, topic, roles) against what the app needs.

targetScope = 'resourceGroup'

@description('Short environment name used in resource names and tags (e.g. dev, prod).')
@minLength(2)
@maxLength(8)
param environmentName string

@description('Azure region for every resource. Flex Consumption is not offered in every region: `az functionapp list-flexconsumption-locations`.')
param location string = resourceGroup().location

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

@description('Service Bus tier (Basic has no topics and no duplicate detection, so it is not offered).')
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

@description('Optional: object id of the operator allowed to write the Key Vault\'s values (e.g. `az ad signed-in-user show --query id -o tsv`). Empty = none.')
param keyVaultOperatorPrincipalId string = ''

@description('Principal type of keyVaultOperatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param keyVaultOperatorPrincipalType string = 'User'

@description('Tags applied to every resource, in addition to app and environment.')
param tags { *: string } = {}

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var allTags = union(tags, {
  app: 'presale'
  environment: environmentName
})
// Resource names are computed here, not read from module outputs, so that `az deployment group what-if` can evaluate
// every resource (names that depend on runtime values make it skip the module).
var storageAccountName = 'stpresale${take(resourceToken, 15)}'
var serviceBusNamespaceName = 'sb-presale-${environmentName}-${resourceToken}'
var keyVaultName = 'kv-presale-${take(resourceToken, 13)}'
var applicationInsightsName = 'appi-presale-${environmentName}-${resourceToken}'
var functionAppName = 'func-presale-${environmentName}-${resourceToken}'
var deploymentContainerName = 'app-package'

// The integration-event topic. The app publishes there when Presale__Events__Topic names it.
var eventsTopicName = 'events'

// The queue-triggered functions' storage queues (ReconcileSku on reconcile, DeliverNotification on notifications; the
// names are literal constants in their trigger attributes), and the poison queues the Functions host moves a message
// to after host.json's extensions.queues.maxDequeueCount failed attempts.
var storageQueueNames = [
  'reconcile'
  'reconcile-poison'
  'notifications'
  'notifications-poison'
]

// Names of the Key Vault secrets the app reads through Key Vault references. Their values are set by an operator.
var supplierSecretEncryptionKeySecretName = 'supplier-secret-encryption-key'
var notificationWebhookSecretName = 'notification-webhook-secret'
var consentLinkKeySecretName = 'consent-link-key'

module monitoring './modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    tags: allTags
    logAnalyticsName: 'log-presale-${environmentName}-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    retentionInDays: logRetentionInDays
  }
}

module storage './modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    tags: allTags
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    queueNames: storageQueueNames
    skuName: storageSku
  }
}

module serviceBus './modules/serviceBus.bicep' = {
  name: 'serviceBus'
  params: {
    location: location
    tags: allTags
    namespaceName: serviceBusNamespaceName
    skuName: serviceBusSku
    premiumCapacity: serviceBusPremiumCapacity
    eventsTopicName: eventsTopicName
  }
}

module keyVault './modules/keyVault.bicep' = {
  name: 'keyVault'
  params: {
    location: location
    tags: allTags
    keyVaultName: keyVaultName
    enablePurgeProtection: keyVaultPurgeProtection
  }
}

module functionApp './modules/functionApp.bicep' = {
  name: 'functionApp'
  params: {
    location: location
    tags: allTags
    planName: 'plan-presale-${environmentName}-${resourceToken}'
    functionAppName: functionAppName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    instanceMemoryMB: flexInstanceMemoryMB
    maximumInstanceCount: flexMaximumInstanceCount
  }
}

module roleAssignments './modules/roleAssignments.bicep' = {
  name: 'roleAssignments'
  params: {
    functionAppName: functionAppName
    storageAccountName: storageAccountName
    serviceBusNamespaceName: serviceBusNamespaceName
    eventsTopicName: eventsTopicName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
    keyVaultOperatorPrincipalId: keyVaultOperatorPrincipalId
    keyVaultOperatorPrincipalType: keyVaultOperatorPrincipalType
  }
  dependsOn: [
    functionApp
    storage
    serviceBus
    keyVault
    monitoring
  ]
}

// The address customers reach the app at: a custom domain when given, otherwise the Function App's default host name.
var appPublicBaseUrl = empty(publicBaseUrl) ? 'https://${functionApp.outputs.defaultHostName}' : publicBaseUrl

// What the Functions host and the worker connect to. Identity-based: an account or namespace name, never a key.
// Flex Consumption takes the worker runtime from functionAppConfig.runtime: FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE are not set (the platform rejects them on Flex).
var hostSettings = {
  // Host storage (keys, timer schedule monitors, singleton leases), the queue triggers and the app's tables and queues.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  // The namespace integration events are published to.
  ServiceBusConnection__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
  ServiceBusConnection__credential: 'managedidentity'
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  // The host sends its telemetry with Entra ID (Monitoring Metrics Publisher).
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
}

// The timer functions' schedules ([TimerTrigger("%<FunctionName>Schedule%")]), NCRONTAB with seconds, in UTC.
var timerSchedules = {
  // The three sweepers run every minute; the supplier outbox sweeper at second 50, away from the order outbox sweeper.
  OrderSagaSweeperSchedule: '0 * * * * *'
  OutboxSweeperSchedule: '0 * * * * *'
  SupplierOutboxSweeperSchedule: '50 * * * * *'
  // Hourly, at minute 7.
  OverdueLotSweeperSchedule: '0 7 * * * *'
  CompensateLateOrdersSchedule: '0 */5 * * * *'
  ExpireDelayConsentsSchedule: '0 */5 * * * *'
  TriageReturnsSchedule: '0 */5 * * * *'
  // Purchasing: statements of ended periods hourly at minute 20, the purchase-order sweep (unacknowledged orders,
  // unfinished lot updates, events left behind) every 5 minutes, re-sourcing of late lots hourly at minute 40,
  // inventory alerts (SKUs below safety stock or pre-sold beyond supply) hourly at minute 45.
  CloseSupplierStatementsSchedule: '0 20 * * * *'
  SweepPurchaseOrdersSchedule: '0 */5 * * * *'
  AssessLateLotsSchedule: '0 40 * * * *'
  AssessInventorySchedule: '0 45 * * * *'
  // Operations: the KPI snapshot hourly at minute 15.
  ComputeKpisSchedule: '0 15 * * * *'
}

// Presale's options (Presale__<Section>__<Property>, one options class per section with SectionName "Presale:<Section>").
// Table Storage uses the host storage connection above (Presale:Storage:Connection defaults to AzureWebJobsStorage).
var presaleSettings = {
  Presale__Events__Topic: serviceBus.outputs.eventsTopicName
  Presale__Orders__TimeZone: shopTimeZone
  // Encrypts each supplier's webhook signing secret at rest.
  Presale__Suppliers__SecretEncryptionKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.keyVaultName};SecretName=${supplierSecretEncryptionKeySecretName})'
  Presale__Notifications__WebhookUrl: notificationWebhookUrl
  Presale__Notifications__WebhookSecret: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.keyVaultName};SecretName=${notificationWebhookSecretName})'
  // Signs the one-click accept/cancel links of delay notices (base64 of at least 32 random bytes).
  Presale__Compensation__ConsentLinkKey: '@Microsoft.KeyVault(VaultName=${keyVault.outputs.keyVaultName};SecretName=${consentLinkKeySecretName})'
  // Where those links point: the app's public address (the app refuses a loopback address in Azure).
  Presale__Compensation__PublicBaseUrl: appPublicBaseUrl
}

module appSettings './modules/appSettings.bicep' = {
  name: 'appSettings'
  params: {
    functionAppName: functionAppName
    settings: union(hostSettings, timerSchedules, presaleSettings)
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
output storageAccountName string = storage.outputs.storageAccountName
output deploymentContainerName string = deploymentContainerName
output serviceBusNamespace string = serviceBus.outputs.fullyQualifiedNamespace
output eventsTopicName string = serviceBus.outputs.eventsTopicName
output keyVaultName string = keyVault.outputs.keyVaultName
output keyVaultSecretNames string[] = [
  supplierSecretEncryptionKeySecretName
  notificationWebhookSecretName
  consentLinkKeySecretName
]
