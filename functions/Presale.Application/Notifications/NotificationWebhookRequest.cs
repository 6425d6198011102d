namespace Presale.Application.Notifications;

/// <summary>One POST of a notification to the shop's webhook.</summary>
/// <param name="Message">The notification.</param>
/// <param name="DeliveryId">The id of this attempt (<c>Presale-Delivery-Id</c>): unique per attempt, for the shop's logs.</param>
/// <param name="Attempt">The attempt number over all deliveries of this notification, from 1.</param>
public sealed record NotificationWebhookRequest(NotificationMessage Message, string DeliveryId, int Attempt);
