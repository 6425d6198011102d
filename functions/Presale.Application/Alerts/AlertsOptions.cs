namespace Presale.Application.Alerts;

/// <summary>Settings of the alerts store (section <c>Presale:Alerts</c>), checked at start by <see cref="AlertsOptionsValidator"/>.</summary>
public sealed class AlertsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Alerts";

    /// <summary>The table of open alerts and their outbox (one partition, <c>open</c>). Default <c>alerts</c>.</summary>
    public string AlertsTable { get; set; } = "alerts";
}
