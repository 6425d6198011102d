using FsCheck;
using FsCheck.Fluent;
using Presale.Application.Notifications;

namespace Presale.Application.Tests.Notifications;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.999999, 1000)]
    [InlineData(3, 0.0, 2000)]
    [InlineData(3, 0.5, 3000)]
    [InlineData(6, 0.0, 15000)]
    [InlineData(20, 0.5, 22500)]
    public void Delay_DoublesPerAttempt_WithJitterInTheUpperHalf_CappedAtTheMaximum(int failed, double unit, int expectedMs) =>
        Assert.Equal(expectedMs, RetryBackoff.Delay(failed, Initial, Max, null, unit).TotalMilliseconds, precision: 0);

    [Fact]
    public void Delay_WithRetryAfter_WaitsAtLeastThatLong_ButNoLongerThanTheMaximum()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryBackoff.Delay(1, Initial, Max, TimeSpan.FromSeconds(7), 0.3));
        Assert.Equal(Max, RetryBackoff.Delay(1, Initial, Max, TimeSpan.FromMinutes(5), 0.3));
        Assert.Equal(TimeSpan.FromSeconds(3), RetryBackoff.Delay(3, Initial, Max, TimeSpan.FromSeconds(1), 0.5));
    }

    [Fact]
    public void Delay_AlwaysLiesBetweenHalfTheExponentialCeilingAndTheMaximum() =>
        Prop.ForAll(
            Gen.Choose(1, 60).ToArbitrary(),
            Gen.Choose(0, 999_999).Select(i => i / 1_000_000d).ToArbitrary(),
            (failed, unit) =>
            {
                var delay = RetryBackoff.Delay(failed, Initial, Max, null, unit);
                var ceiling = Math.Min(Initial.TotalSeconds * Math.Pow(2, Math.Min(failed - 1, 30)), Max.TotalSeconds);
                return delay.TotalSeconds >= (ceiling / 2) - 1e-6 && delay <= Max;
            }).QuickCheckThrowOnFailure();
}
