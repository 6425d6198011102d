namespace Presale.Application.Notifications;

/// <summary>What recording a notification in its customer's feed did.</summary>
public enum FeedRecordOutcome
{
    /// <summary>The entry was added.</summary>
    Recorded = 0,

    /// <summary>An entry with this de-duplication key was already there (a redelivered or republished message); nothing changed.</summary>
    AlreadyRecorded = 1,
}
