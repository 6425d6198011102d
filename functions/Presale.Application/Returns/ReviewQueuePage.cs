namespace Presale.Application.Returns;

/// <summary>A page of the manual review queue.</summary>
/// <param name="Items">Returns waiting for a reviewer.</param>
/// <param name="Continuation">Pass as <c>continuation</c> for the next page; null at the end.</param>
public sealed record ReviewQueuePage(IReadOnlyList<ReviewQueueItem> Items, string? Continuation);
