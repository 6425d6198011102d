using Presale.Domain.Purchasing.Settlement;

namespace Presale.Application.Purchasing;

/// <summary>
/// Settings of purchasing and supplier settlement (section <c>Presale:Purchasing</c>; environment form
/// <c>Presale__Purchasing__Property</c>). Every setting has a default; <see cref="PurchasingOptionsValidator"/> checks
/// them at start with messages naming the setting.
/// </summary>
public sealed class PurchasingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Purchasing";

    /// <summary>
    /// The table of supplier terms, purchase orders, their acknowledgement ledger, settlement statements and the
    /// outbox (partition <c>supplier|{id}</c>), and of the SKU → supplier index (partition <c>sku|{sku}</c>). Default <c>purchasing</c>.
    /// </summary>
    public string PurchasingTable { get; set; } = "purchasing";

    /// <summary>How long a purchase order may wait for its supplier's acknowledgement before an alert is raised (5 minutes – 30 days). Default 2 days.</summary>
    public TimeSpan AcknowledgementDeadline { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How long a settlement period is: <c>Monthly</c> (default) or <c>Weekly</c> (ISO weeks).</summary>
    public SettlementPeriodKind SettlementPeriod { get; set; } = SettlementPeriodKind.Monthly;

    /// <summary>
    /// How long after a period's end (the shop's midnight) its statements are closed (0 – 7 days), so receipts recorded in
    /// the period's last minutes are in. Default 2 hours. Anything recorded later is an adjustment on the next statement.
    /// </summary>
    public TimeSpan StatementCloseDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How many periods back each statement reads return-to-vendor claims (1–24), so a claim recorded late still reaches
    /// a statement; claims credited within the look-back are remembered and never credited twice. Default 3.
    /// </summary>
    public int ClaimLookbackPeriods { get; set; } = 3;

    /// <summary>Days a late lot may miss a promise by before its order counts as at risk for re-sourcing (0–60). Default 0.</summary>
    public int ResourcingToleranceDays { get; set; }

    /// <summary>At-risk order lines a late lot needs before another source is looked for (1–10,000). Default 1.</summary>
    public int ResourcingMinimumOrders { get; set; } = 1;

    /// <summary>
    /// Largest request body the operator routes of purchasing accept (terms, purchase orders), in bytes (1 KiB – 1 MiB).
    /// Default 262,144: terms with a full catalogue of 500 SKUs. Acknowledgements are supplier webhooks, limited by
    /// <c>Presale:Suppliers:MaxWebhookBodyBytes</c>.
    /// </summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Rows the sweeps read per page (1–1000). Default 100.</summary>
    public int SweepPageSize { get; set; } = 100;

    /// <summary>
    /// Age before the purchase-order sweep takes over what a request started but did not finish: an acknowledgement's lot
    /// update, and an event row not published right after its commit (1 second – 1 hour). Default 30 seconds.
    /// </summary>
    public TimeSpan FollowUpGrace { get; set; } = TimeSpan.FromSeconds(30);
}
