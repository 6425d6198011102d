using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Presale.Testing;

/// <summary>A logger that keeps every entry (level, rendered message, exception) for assertions.</summary>
/// <typeparam name="T">The category.</typeparam>
public sealed class RecordingLogger<T> : ILogger<T>
{
    /// <summary>The entries, in the order they were logged.</summary>
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
