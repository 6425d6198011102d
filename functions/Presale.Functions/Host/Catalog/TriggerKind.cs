namespace Presale.Functions.Host.Catalog;

/// <summary>The trigger of a function, from its trigger attribute (as <c>functions.metadata</c> lists it).</summary>
public enum TriggerKind
{
    /// <summary><c>httpTrigger</c>: a route under <c>/api</c>.</summary>
    Http,

    /// <summary><c>timerTrigger</c>: invoked on an NCRONTAB schedule.</summary>
    Timer,

    /// <summary><c>queueTrigger</c>: invoked once per Storage Queue message.</summary>
    Queue,
}
