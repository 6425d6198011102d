namespace Presale.Application.Alerts;

/// <summary>Settings of the alerts store (section <c>Presale:Alerts</c>), checked at start by <see cref="AlertsOptionsValidator"/>.</summary>
public sealed class AlertsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Presale:Alerts";

    /// <summary>The table of open alerts and their outbox (one partition, <c>open</c>). Default <c>alerts</c>.</summary>
    public string AlertsTable { get; set; } = "alerts";

    /// <summary>Where <c>alert.raised</c> and <c>alert.cleared</c> integration events are published. Default <c>events</c>.</summary>
    public string EventsTopic { get; set; } = "events";

    /// <summary>Age before the sweep republishes an alert event left in the outbox (1 second – 1 hour). Default 30 seconds.</summary>
    public TimeSpan OutboxGrace { get; set; } = TimeSpan.FromSeconds(30);
}
