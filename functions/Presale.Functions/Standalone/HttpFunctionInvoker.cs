using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Presale.Functions.Hosting;
using Presale.Functions.Invocation;

namespace Presale.Functions.Standalone;

/// <summary>
/// Invokes functions by POSTing to this app's own <c>/{FunctionName}</c> endpoint over loopback HTTP, exactly as the
/// Functions host does: same headers, same JSON, same middleware, same status-code semantics. Calling in-process would
/// skip Kestrel, the request pipeline and JSON round-tripping, which is where a contract mismatch would hide.
/// </summary>
public sealed class HttpFunctionInvoker(
    IHttpClientFactory clients,
    IServer server,
    HostingMode mode,
    IOptions<FunctionsHostOptions> options) : IFunctionInvoker
{
    /// <summary>The named HttpClient used; tests give it an in-memory handler and a base address.</summary>
    public const string ClientName = "Presale.SelfInvocation";

    /// <inheritdoc />
    public async Task<InvocationOutcome> InvokeAsync(string functionName, TriggerPayload payload, CancellationToken cancellationToken)
    {
        var invocationId = Guid.NewGuid().ToString();
        using var client = clients.CreateClient(ClientName);
        var baseAddress = client.BaseAddress ?? SelfAddress();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, Uri.EscapeDataString(functionName)))
        {
            Content = JsonContent.Create(payload, options: JsonSerializerOptions.Web),
        };
        request.Headers.Add(InvocationEndpoints.InvocationIdHeader, invocationId);
        if (options.Value.AdminKey is { } key)
        {
            request.Headers.Add(AccessGuard.KeyHeader, key);
        }

        using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new InvocationOutcome(invocationId, (int)response.StatusCode, body);
    }

    /// <summary>The address the server listens on, with a wildcard host replaced by 127.0.0.1.</summary>
    private Uri SelfAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? mode.ListenUrl;
        var builder = new UriBuilder(address.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            builder.Host = "127.0.0.1";
        }

        builder.Path = "/";
        return builder.Uri;
    }
}
