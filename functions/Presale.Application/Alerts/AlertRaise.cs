using Presale.Domain.Alerts;

namespace Presale.Application.Alerts;

/// <summary>An alert to raise.</summary>
/// <param name="Key">One open alert per key (see <see cref="AlertKey"/>).</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Subject">The supplier, purchase order or lot it concerns, for the console to link.</param>
/// <param name="Message">What an operator should know, in words.</param>
/// <param name="Details">Structured details (serialised as JSON), or null.</param>
public sealed record AlertRaise(string Key, AlertKind Kind, string Subject, string Message, object? Details = null);
