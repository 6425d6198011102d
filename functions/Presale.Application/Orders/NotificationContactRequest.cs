namespace Presale.Application.Orders;

/// <summary>How to reach the customer about the order: an e-mail address, an E.164 phone number, or both.</summary>
/// <param name="Email">E-mail address.</param>
/// <param name="Phone">Phone number in E.164 form, e.g. <c>+4915112345678</c>.</param>
public sealed record NotificationContactRequest(string? Email, string? Phone);
