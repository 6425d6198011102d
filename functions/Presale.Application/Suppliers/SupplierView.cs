namespace Presale.Application.Suppliers;

/// <summary>A registered supplier as operators see it. Webhook secrets appear only as their status.</summary>
/// <param name="Id">The supplier id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Contact">Who to reach.</param>
/// <param name="DefaultLeadTimeDays">Default lead time, if set.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="CurrentWebhookSecret">The current secret's status; null before the first one is issued.</param>
/// <param name="PreviousWebhookSecret">The previous secret's status while a rotation overlap runs; null otherwise.</param>
public sealed record SupplierView(
    string Id,
    string Name,
    SupplierContact Contact,
    int? DefaultLeadTimeDays,
    DateTimeOffset CreatedAt,
    WebhookSecretStatusView? CurrentWebhookSecret,
    WebhookSecretStatusView? PreviousWebhookSecret);
