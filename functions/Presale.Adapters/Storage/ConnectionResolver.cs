using Azure.Core;
using Azure.Identity;

namespace Presale.Adapters.Storage;

/// <summary>
/// Resolves a named connection from settings the way the Azure SDK and the Functions host do: the name itself holds a
/// connection string, or its sub-settings (<c>{name}:accountName</c>, <c>{name}:tableServiceUri</c>,
/// <c>{name}:queueServiceUri</c>, <c>{name}:fullyQualifiedNamespace</c>, <c>{name}:credential</c>, <c>{name}:clientId</c>;
/// <c>{name}__x</c> in environment variables) describe an Entra ID connection. Errors name the setting to fix.
/// </summary>
public static class ConnectionResolver
{
    /// <summary>The storage account for connection <paramref name="name"/>; Azurite when no setting of that name exists.</summary>
    public static StorageAccount ResolveStorage(string name, Func<string, string?> setting, Func<string?, TokenCredential>? credentialFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(setting);
        var connectionString = setting(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                return StorageAccount.FromConnectionString(connectionString);
            }
            catch (FormatException e)
            {
                throw new FormatException($"Setting '{name}' is not a valid storage connection string: {e.Message}", e);
            }
        }

        var accountName = setting(name + ":accountName");
        var tableUri = Uri(name, "tableServiceUri", setting);
        var queueUri = Uri(name, "queueServiceUri", setting);
        if (string.IsNullOrWhiteSpace(accountName) && tableUri is null && queueUri is null)
        {
            return StorageAccount.FromConnectionString("UseDevelopmentStorage=true");
        }

        accountName = string.IsNullOrWhiteSpace(accountName) ? StorageAccount.AccountNameFromServiceUri((tableUri ?? queueUri)!) : accountName;
        EnsureCredentialKind(name, setting);
        var credential = (credentialFactory ?? (clientId => CreateCredential(name, setting)))(setting(name + ":clientId"));
        return StorageAccount.FromCredential(accountName, credential, tableUri, queueUri);
    }

    /// <summary>
    /// <c>{name}:credential=managedidentity</c> → <see cref="ManagedIdentityCredential"/> (user-assigned when
    /// <c>{name}:clientId</c> is set); otherwise <see cref="DefaultAzureCredential"/> (managed identity, workload identity,
    /// developer sign-in), as the Functions host does.
    /// </summary>
    public static TokenCredential CreateCredential(string name, Func<string, string?> setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var clientId = setting(name + ":clientId");
        var kind = setting(name + ":credential");
        if (string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        EnsureCredentialKind(name, setting);
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrWhiteSpace(clientId) ? null : clientId });
    }

    /// <summary>Throws naming <c>{name}__credential</c> when it is set to anything but <c>managedidentity</c>.</summary>
    internal static void EnsureCredentialKind(string name, Func<string, string?> setting)
    {
        var kind = setting(name + ":credential");
        if (!string.IsNullOrWhiteSpace(kind) && !string.Equals(kind, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Setting '{name}__credential' is '{kind}'; the only supported value is 'managedidentity' (or leave it unset for DefaultAzureCredential).");
        }
    }

    private static Uri? Uri(string name, string key, Func<string, string?> setting)
    {
        var value = setting(name + ":" + key);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return System.Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? uri
            : throw new FormatException($"Setting '{name}__{key}' must be an absolute https URI, not '{value}'.");
    }
}
