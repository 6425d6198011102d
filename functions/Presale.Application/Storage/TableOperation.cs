namespace Presale.Application.Storage;

/// <summary>One write inside an entity-group transaction.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Entity">The row (for <see cref="TableOperationKind.Delete"/> only its keys are used).</param>
/// <param name="IfMatch">The version a replace, merge or delete requires; <see cref="ETag.Any"/> for "any existing".</param>
public sealed record TableOperation(TableOperationKind Kind, TableEntity Entity, ETag IfMatch = default)
{
    /// <summary>Insert a new row.</summary>
    public static TableOperation Insert(TableEntity entity) => new(TableOperationKind.Insert, entity);

    /// <summary>Replace a row at the given version (default: the entity's own ETag).</summary>
    public static TableOperation Replace(TableEntity entity, ETag? ifMatch = null) => new(TableOperationKind.Replace, entity, ifMatch ?? entity.ETag);

    /// <summary>Merge into a row at the given version (default: the entity's own ETag).</summary>
    public static TableOperation Merge(TableEntity entity, ETag? ifMatch = null) => new(TableOperationKind.Merge, entity, ifMatch ?? entity.ETag);

    /// <summary>Insert or replace.</summary>
    public static TableOperation UpsertReplace(TableEntity entity) => new(TableOperationKind.UpsertReplace, entity);

    /// <summary>Insert or merge.</summary>
    public static TableOperation UpsertMerge(TableEntity entity) => new(TableOperationKind.UpsertMerge, entity);

    /// <summary>Delete a row at the given version.</summary>
    public static TableOperation Delete(string partitionKey, string rowKey, ETag ifMatch) =>
        new(TableOperationKind.Delete, new TableEntity(partitionKey, rowKey), ifMatch);
}
