using Presale.Domain.Common;
using Presale.Domain.Payments;

namespace Presale.Domain.Tests.Payments;

public sealed class DunningPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 11, 9, 0, 0, TimeSpan.Zero);
    private static readonly DunningPolicy Policy = new([TimeSpan.FromDays(1), TimeSpan.FromDays(3)], TimeSpan.FromDays(7));

    private static PaymentOutcome Failed(int hoursAfter) =>
        new("f" + hoursAfter, "1-balance", PaymentOutcomeKind.Failed, new Money(10m, "EUR"), "card_declined", T0.AddHours(hoursAfter), null);

    [Fact]
    public void Decide_NoFailure_DoesNothing() =>
        Assert.Equal(DunningAction.None, Policy.Decide([], T0).Action);

    [Fact]
    public void Decide_RetriesOnTheShopsSchedule_ThenWaitsForTheCustomer_ThenCancelsAfterTheGracePeriod()
    {
        Assert.Equal(new DunningDecision(DunningAction.Retry, T0.AddDays(1), 1), Policy.Decide([Failed(0)], T0));
        Assert.Equal(new DunningDecision(DunningAction.Retry, T0.AddDays(1).AddDays(3), 2), Policy.Decide([Failed(0), Failed(24)], T0.AddDays(1)));
        Assert.Equal(new DunningDecision(DunningAction.AwaitCustomer, T0.AddDays(7), 3), Policy.Decide([Failed(0), Failed(24), Failed(96)], T0.AddDays(4)));
        Assert.Equal(new DunningDecision(DunningAction.CancelLine, T0.AddDays(7), 3), Policy.Decide([Failed(0), Failed(24), Failed(96)], T0.AddDays(7)));
    }

    [Fact]
    public void Decide_ARetryThatWouldFallAfterTheGracePeriod_IsNotScheduled()
    {
        var tight = Policy with { GracePeriod = TimeSpan.FromHours(12) };

        Assert.Equal(new DunningDecision(DunningAction.AwaitCustomer, T0.AddHours(12), 1), tight.Decide([Failed(0)], T0));
    }
}
