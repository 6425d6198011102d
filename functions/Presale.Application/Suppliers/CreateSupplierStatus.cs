namespace Presale.Application.Suppliers;

/// <summary>How registering a supplier ended.</summary>
public enum CreateSupplierStatus
{
    /// <summary>Registered.</summary>
    Created = 0,

    /// <summary>The request is invalid; see the field errors.</summary>
    Invalid = 1,

    /// <summary>A supplier with this id already exists; nothing changed.</summary>
    AlreadyExists = 2,
}
