using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Presale.Application.Returns;
using Presale.Functions.Apis;
using Presale.Functions.Apis.Http;
using Presale.Functions.Apis.OpenApi;

namespace Presale.Functions.Features.Returns;

/// <summary>The HTTP functions of <see cref="ReturnsApi"/>: each trigger attribute declares its route, methods and key; the other attributes describe it in the OpenAPI document.</summary>
public sealed class ReturnsFunctions(CreateReturnHandler createReturnHandler, ReturnsOptions returnsOptions, ReviewQueueQuery reviewQueueQuery, ReturnLifecycleHandler returnLifecycleHandler)
{
    [Function("CreateReturn")]
    [Tags("Returns")]
    [EndpointSummary("Request a return")]
    [EndpointDescription("Decides eligibility at once and explains it per line, and records the decision: 201 with the return, status approved when any line is eligible (ineligible lines listed with their reasons) or status rejected with every reason when none is (the customer is sent a \"return decided: rejected\" notice). Malformed input is 400, an unknown order 404 and an order the customer did not place 403; nothing is stored for those. Send an Idempotency-Key header: a retry gets the same return (header Idempotent-Replayed: true); the same key with another body is refused with 422.")]
    [IdempotencyKey(StatusCodes.Status201Created)]
    [Consumes(typeof(CreateReturnRequest), "application/json")]
    [ProducesResponseType<ReturnView>(StatusCodes.Status201Created, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    [ProducesProblem(StatusCodes.Status422UnprocessableEntity)]
    public async Task<IResult> CreateReturnAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "returns")] HttpRequest req, CancellationToken cancellationToken) =>
        await ReturnsApi.CreateAsync(req.HttpContext, createReturnHandler, returnsOptions, cancellationToken);

    [Function("ListReturns")]
    [Tags("Returns")]
    [EndpointSummary("The manual review queue")]
    [EndpointDescription("status=review lists returns with units waiting for a reviewer, from the review index (limit 1–100, default 20; pass continuation from the previous page).")]
    [ProducesResponseType<ReviewQueuePage>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    public async Task<IResult> ListReturnsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "returns")] HttpRequest req, string? status, string? limit, string? continuation, CancellationToken cancellationToken) =>
        await ReturnsApi.ListAsync(reviewQueueQuery, status, limit, continuation, cancellationToken);

    [Function("GetReturn")]
    [Tags("Returns")]
    [EndpointSummary("Read a return: lifecycle status, timeline, units, refund")]
    [ProducesResponseType<ReturnView>(StatusCodes.Status200OK, "application/json")]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    public async Task<IResult> GetReturnAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "returns/{id}")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        await ReturnsApi.GetAsync(id, returnLifecycleHandler, cancellationToken);

    [Function("MarkReturnInTransit")]
    [Tags("Returns")]
    [EndpointSummary("The customer's parcel is with the carrier")]
    [Consumes(typeof(MarkInTransitRequest), "application/json")]
    [ProducesResponseType<ReturnView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> MarkReturnInTransitAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "returns/{id}/in-transit")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        await ReturnsApi.InTransitAsync(id, req.HttpContext, returnLifecycleHandler, returnsOptions, cancellationToken);

    [Function("ReceiveReturn")]
    [Tags("Returns")]
    [EndpointSummary("Record units received and their inspected grade")]
    [EndpointDescription("Per unit: grade a (new/sealed), b (opened/good), c (defective), d (damaged), serial, notes. Each unit is received once; a batch naming a unit already received is refused whole with 409.")]
    [Consumes(typeof(ReceiveReturnRequest), "application/json")]
    [ProducesResponseType<ReturnView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> ReceiveReturnAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "returns/{id}/receipt")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        await ReturnsApi.ReceiveAsync(id, req.HttpContext, returnLifecycleHandler, returnsOptions, cancellationToken);

    [Function("DecideReturnUnit")]
    [Tags("Returns")]
    [EndpointSummary("A reviewer's final decision for a unit")]
    [EndpointDescription("action: restock, refurbish, returnToVendor, scrap, keepIt (a unit never received) or reject (refused on inspection: not refunded, sent back to the customer). When every unit is decided the return is refunded, or closed when every unit was rejected; either way the customer is sent a \"return decided\" notice.")]
    [Consumes(typeof(DecideUnitRequest), "application/json")]
    [ProducesResponseType<ReturnView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> DecideReturnUnitAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "returns/{id}/decision")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        await ReturnsApi.DecideAsync(id, req.HttpContext, returnLifecycleHandler, returnsOptions, cancellationToken);

    [Function("CancelReturn")]
    [Tags("Returns")]
    [EndpointSummary("Cancel a return not yet received")]
    [EndpointDescription("By its customer (customerId, who must be the return's customer: 403 otherwise) or an operator (operator), with an optional reason. Allowed while requested, approved or in transit; from the first receipt on it is refused with 409 return-invalid-transition naming the return's status. The return's units are given back to the order, so they can be returned again.")]
    [Consumes(typeof(CancelReturnRequest), "application/json")]
    [ProducesResponseType<ReturnView>(StatusCodes.Status200OK, "application/json")]
    [ProducesValidationProblem]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [ProducesProblem(StatusCodes.Status409Conflict)]
    [ProducesProblem(StatusCodes.Status413PayloadTooLarge)]
    [ProducesProblem(StatusCodes.Status415UnsupportedMediaType)]
    public async Task<IResult> CancelReturnAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "returns/{id}/cancel")] HttpRequest req, string id, CancellationToken cancellationToken) =>
        await ReturnsApi.CancelAsync(id, req.HttpContext, returnLifecycleHandler, returnsOptions, cancellationToken);
}
