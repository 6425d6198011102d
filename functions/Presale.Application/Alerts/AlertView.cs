using System.Text.Json.Nodes;
using Presale.Domain.Alerts;

namespace Presale.Application.Alerts;

/// <summary>An open alert.</summary>
/// <param name="Key">Its key.</param>
/// <param name="Kind">What it is about.</param>
/// <param name="Subject">What it concerns.</param>
/// <param name="Message">The text.</param>
/// <param name="Details">Structured details, or null.</param>
/// <param name="RaisedAt">When it was raised.</param>
public sealed record AlertView(string Key, AlertKind Kind, string Subject, string Message, JsonNode? Details, DateTimeOffset RaisedAt);
