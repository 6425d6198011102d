using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Functions.Host.Http;

namespace Presale.Functions.Host.OpenApi;

/// <summary>
/// Every operation reads or writes storage within the request's budget (<see cref="StorageBudgetMiddleware"/>), so
/// every operation may answer 503 <c>urn:presale:problem:storage-unavailable</c> with <c>Retry-After</c>: this adds
/// that answer, next to a 503 the endpoint already declares (contention).
/// </summary>
internal sealed class StorageUnavailableTransformer(IOptions<JsonOptions> json) : IOpenApiOperationTransformer
{
    /// <summary>The name of the 503 example this transformer adds.</summary>
    public const string ExampleName = "Storage unavailable";

    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken) =>
        ProblemResponses.JoinAsync(
            operation,
            context,
            StatusCodes.Status503ServiceUnavailable,
            "Storage did not answer within the request's budget (Presale:Storage:RequestBudget). Retry-After says when to send the same request again, with the same Idempotency-Key.",
            "Contention",
            ExampleName,
            RetryLaterExceptionHandler.StorageProblem(TableStorageStore.ServiceName, StorageOptions.DefaultRequestBudget),
            json.Value.SerializerOptions,
            cancellationToken);
}
