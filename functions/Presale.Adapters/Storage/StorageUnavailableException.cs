using System.Globalization;

namespace Presale.Adapters.Storage;

/// <summary>
/// A storage service did not answer within the budget of the work that called it (<see cref="StorageBudget"/>).
/// Nothing is known to be broken in Presale's data: whatever the work had written is finished by sending the same
/// request again (same Idempotency-Key) or by the sweepers, so the API answers 503 with <c>Retry-After</c>.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>Creates the exception for <paramref name="service"/>, which did not answer within <paramref name="budget"/>.</summary>
    public StorageUnavailableException(string service, TimeSpan budget, Exception? innerException = null)
        : base(string.Create(CultureInfo.InvariantCulture, $"{service} did not answer within the budget of {budget.TotalSeconds:0.###} s."), innerException)
    {
        Service = service;
        Budget = budget;
    }

    /// <summary>Creates the exception with a message.</summary>
    public StorageUnavailableException(string message)
        : base(message) => Service = "Storage";

    /// <summary>Creates the exception with a message and a cause.</summary>
    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException) => Service = "Storage";

    /// <summary>Creates the exception for storage in general.</summary>
    public StorageUnavailableException()
        : this("Storage did not answer in time.")
    {
    }

    /// <summary>The storage service that did not answer, as people call it ("Table storage", "Queue storage").</summary>
    public string Service { get; }

    /// <summary>The budget the work had for its storage calls.</summary>
    public TimeSpan Budget { get; }
}
