namespace Presale.Application.Credits;

/// <summary>A stored credit with the notification that announces it and whether that was published yet.</summary>
/// <param name="Credit">The credit.</param>
/// <param name="NotificationBody">The compensation-issued notification message (JSON), written with the credit.</param>
/// <param name="Notified">True once the notification was handed to the broker.</param>
public sealed record IssuedCredit(CreditRecord Credit, string NotificationBody, bool Notified);
