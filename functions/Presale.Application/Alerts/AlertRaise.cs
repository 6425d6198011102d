using Presale.Domain.Alerts;

namespace Presale.Application.Alerts;

/// <summary>An alert to raise.</summary>
/// <param name="Key">One open alert per key (see <see cref="AlertKey"/>).</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Subject">The supplier, purchase order or lot it concerns, for the console to link.</param>
/// <param name="Message">What an operator should know, in words.</param>
/// <param name="Details">Structured details (serialised as JSON), or null.</param>
/// <param name="Routing">
/// What its <c>alert.raised</c> and <c>alert.cleared</c> events are routed by besides the kind (names of
/// <see cref="IntegrationEvents.IntegrationEventProperties"/>: <c>supplierId</c>, <c>purchaseOrderId</c>, <c>lotId</c>, <c>sku</c>).
/// </param>
public sealed record AlertRaise(string Key, AlertKind Kind, string Subject, string Message, object? Details = null, IReadOnlyDictionary<string, string>? Routing = null);
