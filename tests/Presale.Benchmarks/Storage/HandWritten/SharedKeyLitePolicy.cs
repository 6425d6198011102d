using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Presale.Benchmarks.Storage.HandWritten;

/// <summary>
/// Table service Shared Key Lite: <c>StringToSign = x-ms-date + "\n" + "/" + account + encoded path [+ "?comp=..."]</c>.
/// The path is the request's own path, so for Azurite's path-style URLs the account name appears twice.
/// </summary>
internal sealed class SharedKeyLitePolicy(string accountName, byte[] key) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(StringToSign(accountName, message.Request))));
        message.Request.Headers.SetValue("Authorization", $"SharedKeyLite {accountName}:{signature}");
    }

    /// <summary>The string Shared Key Lite signs for <paramref name="request"/>.</summary>
    internal static string StringToSign(string accountName, Request request)
    {
        var uri = request.Uri.ToUri();
        request.Headers.TryGetValue("x-ms-date", out var date);
        var resource = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath);
        var comp = System.Web.HttpUtility.ParseQueryString(uri.Query)["comp"];
        if (comp is not null)
        {
            resource.Append("?comp=").Append(comp);
        }

        return $"{date}\n{resource}";
    }
}
