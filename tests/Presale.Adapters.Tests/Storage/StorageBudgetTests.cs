using Microsoft.Extensions.Time.Testing;
using Presale.Adapters.Queues;
using Presale.Adapters.Storage;
using Presale.Adapters.Tables;
using Presale.Application.Messaging;
using Presale.Testing;

namespace Presale.Adapters.Tests.Storage;

/// <summary>
/// A budget bounds every storage call of the work that opened it, retries included: a call still running when it runs
/// out is cancelled and reported as the named service not answering; later calls are refused at once; a caller's own
/// cancellation stays a cancellation; work without a budget is not touched.
/// </summary>
public sealed class StorageBudgetTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallStillWaitingWhenTheBudgetRunsOut_IsCancelled_AndReportedAsTheServiceNotAnswering()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        CancellationToken seen = default;
        using (StorageBudget.Begin(TimeSpan.FromSeconds(10), time))
        {
            var waiting = StorageBudget.RunAsync("Table storage", async ct =>
            {
                seen = ct;
                await Task.Delay(Timeout.Infinite, ct);
                return 0;
            }, Ct);
            time.Advance(TimeSpan.FromSeconds(9));
            Assert.False(seen.IsCancellationRequested);
            time.Advance(TimeSpan.FromSeconds(1));
            var e = await Assert.ThrowsAsync<StorageUnavailableException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct));
            Assert.Equal(("Table storage", TimeSpan.FromSeconds(10)), (e.Service, e.Budget));
            Assert.Equal("Table storage did not answer within the budget of 10 s.", e.Message);

            var called = false;
            await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageBudget.RunAsync("Queue storage", _ => Task.FromResult(called = true), Ct));
            Assert.False(called);
        }
    }

    [Fact]
    public async Task RetriesEndedByTheBudget_ReportedWithTheEarlierAttemptsFailures_AreTheServiceNotAnswering()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        using (StorageBudget.Begin(TimeSpan.FromSeconds(10), time))
        {
            // What the SDK throws when a first attempt lost its connection and the retry was cancelled.
            var waiting = StorageBudget.RunAsync("Queue storage", async ct =>
            {
                var dropped = new HttpRequestException("The response ended prematurely.");
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException cancelled)
                {
                    throw new AggregateException("Retry failed after 2 tries.", dropped, cancelled);
                }

                return 0;
            }, Ct);
            time.Advance(TimeSpan.FromSeconds(10));
            var e = await Assert.ThrowsAsync<StorageUnavailableException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30), Ct));
            Assert.IsType<AggregateException>(e.InnerException);
        }
    }

    [Fact]
    public async Task CallerCancelling_StaysACancellation()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        using var caller = new CancellationTokenSource();
        using (StorageBudget.Begin(TimeSpan.FromSeconds(10), time))
        {
            var waiting = StorageBudget.RunAsync("Table storage", async ct =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return 0;
            }, caller.Token);
            await caller.CancelAsync();
            var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            Assert.IsNotType<StorageUnavailableException>(e);
        }
    }

    [Fact]
    public async Task WithoutABudget_TheCallerTokenIsPassedThrough_AndNothingTimesOut()
    {
        using var caller = new CancellationTokenSource();
        var seen = await StorageBudget.RunAsync("Table storage", ct => Task.FromResult(ct), caller.Token);
        Assert.Equal(caller.Token, seen);
    }

    [Fact]
    public async Task BudgetInsideABudget_KeepsTheEarlierDeadline_AndEndingItRestoresTheOuterOne()
    {
        var time = new FakeTimeProvider(TestClock.Start);
        using (StorageBudget.Begin(TimeSpan.FromSeconds(2), time))
        {
            using (StorageBudget.Begin(TimeSpan.FromSeconds(30), time))
            {
                time.Advance(TimeSpan.FromSeconds(3));
                var e = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageBudget.RunAsync("Table storage", _ => Task.FromResult(0), Ct));
                Assert.Equal(TimeSpan.FromSeconds(2), e.Budget);
            }

            await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageBudget.RunAsync("Table storage", _ => Task.FromResult(0), Ct));
        }

        Assert.Equal(1, await StorageBudget.RunAsync("Table storage", _ => Task.FromResult(1), Ct));
        using (StorageBudget.Begin(TimeSpan.FromSeconds(30), time))
        {
            using (StorageBudget.Begin(TimeSpan.FromSeconds(2), time))
            {
                time.Advance(TimeSpan.FromSeconds(3));
                await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageBudget.RunAsync("Table storage", _ => Task.FromResult(0), Ct));
            }

            Assert.Equal(1, await StorageBudget.RunAsync("Table storage", _ => Task.FromResult(1), Ct));
        }
    }

    [Fact]
    public async Task TableAndQueueAdapters_AgainstAStorageEndpointThatStopsAnswering_GiveUpWhenTheBudgetDoes_AndWorkAgainOnceItAnswers()
    {
        await using var tables = PausableTcpProxy.Start(azurite.TableEndpoint);
        await using var queues = PausableTcpProxy.Start(azurite.QueueEndpoint);
        var account = StorageAccount.FromConnectionString(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteFixture.DevelopmentAccountKey};" +
            $"TableEndpoint={tables.Through(azurite.TableEndpoint)};QueueEndpoint={queues.Through(azurite.QueueEndpoint)}");

        // The SDK's own timeouts alone would wait 30 s per attempt, five retries over: far beyond any budget here.
        var store = new TableStorageStore(account);
        var queueClient = new StorageQueueClient(account);
        var table = AzuriteFixture.UniqueName("budget");
        var queue = AzuriteFixture.UniqueName("budget");
        await store.CreateTableIfNotExistsAsync(table, Ct);
        await queueClient.CreateQueueIfNotExistsAsync(queue, Ct);
        var row = new Application.Storage.TableEntity("p", "r");
        Assert.True((await store.InsertAsync(table, row, Ct)).Succeeded);

        tables.Pause();
        queues.Pause();
        var time = TimeProvider.System;
        var started = time.GetTimestamp();
        using (StorageBudget.Begin(TimeSpan.FromSeconds(1), time))
        {
            var read = await Assert.ThrowsAsync<StorageUnavailableException>(() => store.GetAsync(table, "p", "r", Ct));
            Assert.Equal(TableStorageStore.ServiceName, read.Service);
        }

        using (StorageBudget.Begin(TimeSpan.FromSeconds(1), time))
        {
            var sent = await Assert.ThrowsAsync<StorageUnavailableException>(() => queueClient.PublishAsync(queue, new OutboundMessage("m1", "{}"), Ct));
            Assert.Equal(StorageQueueClient.ServiceName, sent.Service);
        }

        using (StorageBudget.Begin(TimeSpan.FromSeconds(1), time))
        {
            await Assert.ThrowsAsync<StorageUnavailableException>(() => store.ProbeAsync(Ct));
        }

        // Three budgets of 1 s: nowhere near the 30 s the first attempt alone would have waited.
        Assert.InRange(time.GetElapsedTime(started), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));

        tables.Resume();
        queues.Resume();
        using (StorageBudget.Begin(TimeSpan.FromSeconds(30), time))
        {
            Assert.NotNull(await store.GetAsync(table, "p", "r", Ct));
            await queueClient.PublishAsync(queue, new OutboundMessage("m2", "{}"), Ct);
        }
    }
}
