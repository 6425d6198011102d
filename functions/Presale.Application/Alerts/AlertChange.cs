namespace Presale.Application.Alerts;

/// <summary>What raising or clearing an alert did.</summary>
public enum AlertChange
{
    /// <summary>Raised now.</summary>
    Raised = 0,

    /// <summary>Already open under its key: nothing changed.</summary>
    AlreadyOpen = 1,

    /// <summary>Cleared now.</summary>
    Cleared = 2,

    /// <summary>No alert was open under the key: nothing changed.</summary>
    NotOpen = 3,
}
