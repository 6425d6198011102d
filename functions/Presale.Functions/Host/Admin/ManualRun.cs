using Presale.Functions.Host.Catalog;
using Presale.Functions.Host.Standalone;


namespace Presale.Functions.Host.Admin;

/// <summary>A run requested through the admin API, waiting for <see cref="ManualRunService"/>.</summary>
/// <param name="FunctionName">The function to run.</param>
/// <param name="Trigger">The function's trigger: timer runs take the function's run lock.</param>
/// <param name="Input">The trigger input, as the function's trigger gives it.</param>
public sealed record ManualRun(string FunctionName, TriggerKind Trigger, TriggerInput Input);
