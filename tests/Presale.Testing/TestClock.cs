namespace Presale.Testing;

/// <summary>The instant a test's fake clock starts at unless the test says otherwise.</summary>
public static class TestClock
{
    /// <summary>2026-03-02T09:00:00Z, a Monday morning.</summary>
    public static DateTimeOffset Start { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
}
