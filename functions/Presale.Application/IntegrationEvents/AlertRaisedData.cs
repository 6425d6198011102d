using System.Text.Json.Nodes;
using Presale.Domain.Alerts;

namespace Presale.Application.IntegrationEvents;

/// <summary>The data of <c>alert.raised</c> (schema <c>docs/events/alert.raised.v1.schema.json</c>).</summary>
/// <param name="Key">The alert's key: one open alert per key (<c>po-unacknowledged|{supplierId}|{purchaseOrderId}</c>, <c>resourcing|{supplierId}|{lotId}|{sku}</c>, <c>safety-stock|{sku}</c>, <c>presold|{sku}</c>).</param>
/// <param name="Kind"><c>purchaseOrderUnacknowledged</c>, <c>resourcing</c>, <c>belowSafetyStock</c> or <c>preSoldBeyondSupply</c>.</param>
/// <param name="Subject">What it concerns, as an API path below <c>/api/</c>.</param>
/// <param name="Message">What an operator should know, in words.</param>
/// <param name="Details">The kind's structured details, if any.</param>
/// <param name="RaisedAt">When it was raised.</param>
public sealed record AlertRaisedData(string Key, AlertKind Kind, string Subject, string Message, JsonNode? Details, DateTimeOffset RaisedAt);
