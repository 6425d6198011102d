// Development environment: smallest SKUs, no purge protection (the vault can be deleted and recreated).
using './main.bicep'

param environmentName = 'dev'
param flexInstanceMemoryMB = 2048
param flexMaximumInstanceCount = 40
param serviceBusSku = 'Standard'
param storageSku = 'Standard_LRS'
param logRetentionInDays = 30
param keyVaultPurgeProtection = false
param shopTimeZone = 'Europe/Berlin'
// A request bin or the shop's staging endpoint.
param notificationWebhookUrl = 'https://shop-staging.example.com/hooks/presale'
