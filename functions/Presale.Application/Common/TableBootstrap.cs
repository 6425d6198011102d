using Presale.Application.Storage;

namespace Presale.Application.Common;

/// <summary>
/// Creates the tables a feature uses once per process, on first use (so a handler starts without touching storage).
/// A failed attempt is retried by the next caller.
/// </summary>
public sealed class TableBootstrap(ITableStore store, IEnumerable<string> tables)
{
    private readonly string[] _tables = [.. tables];
    private readonly Lock _gate = new();
    private Task? _created;

    /// <summary>Completes when every table exists.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = CreateAsync(cancellationToken);
            }

            return _created;
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        foreach (var table in _tables)
        {
            await store.CreateTableIfNotExistsAsync(table, cancellationToken).ConfigureAwait(false);
        }
    }
}
