namespace Presale.Application.Storage;

/// <summary>The kinds of write a transaction can hold.</summary>
public enum TableOperationKind
{
    /// <summary>Insert; fails with <see cref="WriteStatus.AlreadyExists"/> if the row exists.</summary>
    Insert,

    /// <summary>Replace the whole row, conditioned on <see cref="TableOperation.IfMatch"/> (or <see cref="ETag.Any"/>).</summary>
    Replace,

    /// <summary>Merge properties into the row, conditioned on <see cref="TableOperation.IfMatch"/> (or <see cref="ETag.Any"/>).</summary>
    Merge,

    /// <summary>Insert or replace, unconditionally.</summary>
    UpsertReplace,

    /// <summary>Insert or merge, unconditionally.</summary>
    UpsertMerge,

    /// <summary>Delete, conditioned on <see cref="TableOperation.IfMatch"/> (or <see cref="ETag.Any"/>).</summary>
    Delete,
}
