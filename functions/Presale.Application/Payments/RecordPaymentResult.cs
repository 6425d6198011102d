namespace Presale.Application.Payments;

/// <summary>The outcome of recording a payment outcome.</summary>
public abstract record RecordPaymentResult
{
    private RecordPaymentResult()
    {
    }

    /// <summary>Recorded now, or (<paramref name="Replayed"/>) recorded before exactly so: nothing changed.</summary>
    public sealed record Recorded(PaymentOutcomeView Outcome, bool Replayed) : RecordPaymentResult;

    /// <summary>A field is wrong (each error names it); nothing changed.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : RecordPaymentResult;

    /// <summary>The payment id was recorded with another outcome, or the order takes no payments; nothing changed.</summary>
    public sealed record Conflict(string Slug, string Message, string Field) : RecordPaymentResult;

    /// <summary>No such order.</summary>
    public sealed record NotFound : RecordPaymentResult;
}
