namespace Presale.Application.Returns;

/// <summary>The body of <c>POST /api/returns/{id}/in-transit</c> (optional).</summary>
/// <param name="TrackingReference">The carrier's tracking reference, if any (at most 200 characters).</param>
public sealed record MarkInTransitRequest(string? TrackingReference);
