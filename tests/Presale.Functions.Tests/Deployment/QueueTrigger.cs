namespace Presale.Functions.Tests.Deployment;

/// <summary>A queue-triggered function.</summary>
/// <param name="Function">The function's name.</param>
/// <param name="Queue">The storage queue it listens on: a name, or <c>%Setting%</c>.</param>
/// <param name="Connection">The connection setting prefix of the queue's storage account.</param>
internal sealed record QueueTrigger(string Function, string Queue, string Connection);
