namespace Presale.Functions.Catalog;

/// <summary>The trigger of a function, from its function.json.</summary>
public enum TriggerKind
{
    /// <summary><c>httpTrigger</c>: forwarded to an ordinary route under <c>/api</c>.</summary>
    Http,

    /// <summary><c>timerTrigger</c>: invoked on an NCRONTAB schedule.</summary>
    Timer,

    /// <summary><c>serviceBusTrigger</c>: invoked once per queue message.</summary>
    ServiceBus,
}
