// Production environment: zone-redundant storage, more headroom, purge protection on the vault.
using './main.bicep'

param environmentName = 'prod'
param flexInstanceMemoryMB = 2048
param flexMaximumInstanceCount = 200
param serviceBusSku = 'Standard'
param storageSku = 'Standard_ZRS'
param logRetentionInDays = 90
param keyVaultPurgeProtection = true
param shopTimeZone = 'Europe/Berlin'
param notificationWebhookUrl = 'https://shop.example.com/hooks/presale'
