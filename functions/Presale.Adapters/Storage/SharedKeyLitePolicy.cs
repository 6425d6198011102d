using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Presale.Adapters.Storage;

/// <summary>
/// Table service Shared Key Lite: <c>StringToSign = x-ms-date + "\n" + "/" + account + encoded path [+ "?comp=..."]</c>.
/// The path is the request's own path, so for Azurite's path-style URLs the account name appears twice.
/// </summary>
internal sealed class SharedKeyLitePolicy(string accountName, byte[] key) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var uri = request.Uri.ToUri();
        request.Headers.TryGetValue("x-ms-date", out var date);
        var resource = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath);
        var comp = System.Web.HttpUtility.ParseQueryString(uri.Query)["comp"];
        if (comp is not null)
        {
            resource.Append("?comp=").Append(comp);
        }

        var stringToSign = $"{date}\n{resource}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.SetValue("Authorization", $"SharedKeyLite {accountName}:{signature}");
    }
}
