using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Presale.Benchmarks.Storage.HandWritten;

/// <summary>Stamps <c>x-ms-date</c> and <c>x-ms-version</c> on every attempt (a retry is a new request to sign).</summary>
internal sealed class StorageDatePolicy(TimeProvider timeProvider, string version) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
        message.Request.Headers.SetValue("x-ms-version", version);
    }
}
