// Service Bus namespace (Standard or Premium: Basic has no topics) with the topic Presale publishes integration events
// to. Subscriptions belong to the consuming systems and are created by the shop (docs/deploy.md shows one). Local (SAS)
// auth is disabled: the app publishes with its managed identity.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags { *: string }

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

@description('Name of the integration-event topic.')
param eventsTopicName string

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
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

resource eventsTopic 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = {
  parent: namespace
  name: eventsTopicName
  properties: {
    // Every event carries a MessageId derived from the outbox entry: a publish retried after a lost acknowledgement,
    // or repeated by the outbox sweeper (it republishes entries older than a 30-second grace, every minute), is dropped
    // by the broker inside this window. An hour covers those retries with a wide margin; the window is set here
    // explicitly because the ARM and SDK defaults differ.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT1H'
    // How long an event waits in a subscription for its consumer: two weeks to notice and fix a stopped consumer.
    // Subscriptions may set a shorter time to live; with dead-lettering on expiry they keep what expires.
    defaultMessageTimeToLive: 'P14D'
    // The largest Standard topic (5 GB), so a consumer that stops for a while does not make publishing fail.
    maxSizeInMegabytes: 5120
    enableBatchedOperations: true
    enablePartitioning: false
    supportOrdering: true
  }
}

output namespaceName string = namespace.name
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
output eventsTopicName string = eventsTopic.name
