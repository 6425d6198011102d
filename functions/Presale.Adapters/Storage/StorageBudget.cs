namespace Presale.Adapters.Storage;

/// <summary>
/// The time a piece of work (an HTTP request, a health probe) may spend waiting for storage, all its calls and the
/// SDK's retries together. <see cref="Begin"/> opens a budget for the current asynchronous flow; the storage adapters
/// run each call through <see cref="RunAsync{T}"/>, which cancels the call when the budget runs out and throws
/// <see cref="StorageUnavailableException"/> naming the service, and refuses further calls at once. Work outside any
/// budget (queue and timer functions, which their trigger retries) waits as long as the SDK's own timeouts allow.
/// </summary>
public static class StorageBudget
{
    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>
    /// Opens a budget of <paramref name="budget"/> from now for this flow until the returned scope is disposed. Inside
    /// another budget the earlier deadline of the two holds.
    /// </summary>
    public static IDisposable Begin(TimeSpan budget, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(budget, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(time);
        var outer = Current.Value;
        var deadline = time.GetUtcNow() + budget;
        var scope = outer is not null && outer.Deadline <= deadline ? outer with { Restore = outer } : new Scope(deadline, budget, time, outer);
        Current.Value = scope;
        return scope;
    }

    /// <summary>Runs one storage call of <paramref name="service"/> within the current budget, if there is one.</summary>
    public static async Task<T> RunAsync<T>(string service, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (Current.Value is not { } scope)
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }

        var remaining = scope.Deadline - scope.Time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            throw new StorageUnavailableException(service, scope.Budget);
        }

        using var expiry = new CancellationTokenSource(remaining, scope.Time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, expiry.Token);
        try
        {
            return await call(bounded.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (expiry.IsCancellationRequested && !cancellationToken.IsCancellationRequested && EndedByCancellation(e))
        {
            throw new StorageUnavailableException(service, scope.Budget, e);
        }
    }

    /// <inheritdoc cref="RunAsync{T}(string, Func{CancellationToken, Task{T}}, CancellationToken)"/>
    public static Task RunAsync(string service, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return RunAsync(service, async token =>
        {
            await call(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// True when <paramref name="e"/> is the cancellation, also when the SDK reports it with the failures of its earlier
    /// attempts (an <see cref="AggregateException"/> of, say, a dropped connection and then the cancelled retry).
    /// </summary>
    private static bool EndedByCancellation(Exception e) =>
        e is OperationCanceledException || (e is AggregateException many && many.InnerExceptions.Any(EndedByCancellation));

    private sealed record Scope(DateTimeOffset Deadline, TimeSpan Budget, TimeProvider Time, Scope? Restore) : IDisposable
    {
        public void Dispose() => Current.Value = Restore;
    }
}
