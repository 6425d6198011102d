// Service Bus namespace (Standard or Premium: Basic has no duplicate detection) and one queue per serviceBusTrigger
// the app declares. Local (SAS) auth is disabled: the app and the Functions host use the managed identity.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Namespace name (globally unique, 6-50 characters).')
param namespaceName string

@description('Namespace tier. Standard is enough for the expected load; Premium adds isolation and VNet support.')
@allowed([
  'Standard'
  'Premium'
])
param skuName string

@description('Messaging units (Premium only).')
@allowed([
  1
  2
  4
  8
  16
])
param premiumCapacity int

@description('Queues: name, lockDuration (ISO 8601, at most PT5M), maxDeliveryCount, defaultMessageTimeToLive, duplicateDetectionHistoryTimeWindow.')
param queues array

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: namespaceName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
    capacity: skuName == 'Premium' ? premiumCapacity : null
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queue 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = [for q in queues: {
  parent: namespace
  name: q.name
  properties: {
    lockDuration: q.lockDuration
    maxDeliveryCount: q.maxDeliveryCount
    defaultMessageTimeToLive: q.defaultMessageTimeToLive
    // Publishers set MessageId; a retried send inside this window is dropped by the broker.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: q.duplicateDetectionHistoryTimeWindow
    // Expired and repeatedly failing messages go to the dead-letter queue instead of vanishing.
    deadLetteringOnMessageExpiration: true
    requiresSession: false
    enablePartitioning: false
  }
}]

output namespaceName string = namespace.name
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
