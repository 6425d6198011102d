namespace Presale.Application.Returns;

/// <summary>
/// The body of <c>POST /api/returns/{id}/cancel</c>: who cancels — the customer (<paramref name="CustomerId"/>, who
/// must be the return's customer) or an operator (<paramref name="Operator"/>), exactly one — and why.
/// </summary>
/// <param name="CustomerId">The customer withdrawing their return.</param>
/// <param name="Operator">The operator cancelling it.</param>
/// <param name="Reason">Why, optional (at most 1000 characters); recorded on the timeline.</param>
public sealed record CancelReturnRequest(string? CustomerId, string? Operator, string? Reason);
