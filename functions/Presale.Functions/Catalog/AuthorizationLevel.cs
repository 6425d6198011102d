namespace Presale.Functions.Catalog;

/// <summary>The <c>authLevel</c> of an HTTP function: which key, if any, a caller must present.</summary>
public enum AuthorizationLevel
{
    /// <summary>No key (health, signed supplier webhooks).</summary>
    Anonymous,

    /// <summary>A function key (or the admin key). The Functions default.</summary>
    Function,

    /// <summary>The admin (master) key only.</summary>
    Admin,
}
