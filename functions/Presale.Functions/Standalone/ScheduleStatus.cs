namespace Presale.Functions.Standalone;

/// <summary>
/// A timer's schedule status as the host passes it (its <c>useMonitor</c> record): the previous occurrence that ran
/// (null before the first run), the occurrence being run now, and when the record was last written.
/// </summary>
/// <param name="Last">The last scheduled occurrence that ran, or null.</param>
/// <param name="Next">The scheduled occurrence this run stands for.</param>
/// <param name="LastUpdated">When the status was last written, or null.</param>
public sealed record ScheduleStatus(DateTimeOffset? Last, DateTimeOffset Next, DateTimeOffset? LastUpdated);
