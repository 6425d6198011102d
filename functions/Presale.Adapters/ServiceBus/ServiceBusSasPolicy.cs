using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Presale.Adapters.ServiceBus;

/// <summary>
/// Signs each request with a Service Bus shared access signature scoped to the entity it addresses:
/// <c>sig = base64(HMACSHA256(utf8(key), urlencode(resourceUri) + "\n" + expiry))</c>,
/// <c>Authorization: SharedAccessSignature sr={enc uri}&amp;sig={enc sig}&amp;se={expiry}&amp;skn={keyName}</c>.
/// </summary>
internal sealed class ServiceBusSasPolicy(string keyName, string key, TimeProvider timeProvider, TimeSpan lifetime) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        var entity = uri.AbsolutePath.Trim('/').Split('/')[0];
        var resource = $"{uri.Scheme}://{uri.Authority}/{entity}".ToLowerInvariant();
        var expiry = timeProvider.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("Authorization", CreateToken(resource, keyName, key, expiry));
    }

    /// <summary>The SAS token for <paramref name="resourceUri"/> valid until <paramref name="expiry"/> (Unix seconds).</summary>
    internal static string CreateToken(string resourceUri, string keyName, string key, string expiry)
    {
        var encodedResource = WebUtility.UrlEncode(resourceUri);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(encodedResource + "\n" + expiry)));
        return $"SharedAccessSignature sr={encodedResource}&sig={WebUtility.UrlEncode(signature)}&se={expiry}&skn={WebUtility.UrlEncode(keyName)}";
    }
}
