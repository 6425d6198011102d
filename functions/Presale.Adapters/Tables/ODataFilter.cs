using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Azure.Data.Tables;
using Presale.Application.Storage;

namespace Presale.Adapters.Tables;

/// <summary>
/// Renders a <see cref="TableFilter"/> tree as a Table service <c>$filter</c>. The tree's shape (parentheses,
/// <c>and</c>/<c>or</c>/<c>not</c>, checked property names) is written here; every value is quoted and escaped by
/// <see cref="TableClient.CreateQueryFilter(FormattableString)"/> (strings with doubled quotes, Int64 as <c>123L</c> so it
/// compares exactly beyond 2^53, <c>datetime'…Z'</c>, <c>guid'…'</c>, <c>X'hex'</c>), except a Double: the SDK
/// writes a whole Double as <c>5</c>, an Int32 literal that the service does not compare with a Double property, so
/// Doubles are written here with a decimal point (<c>5.0</c>), and NaN and infinities, which a filter cannot compare,
/// are refused.
/// </summary>
internal static class ODataFilter
{
    public static string Render(TableFilter filter)
    {
        var format = new StringBuilder();
        var values = new List<object?>();
        Append(format, values, filter);
        return TableClient.CreateQueryFilter(FormattableStringFactory.Create(format.ToString(), [.. values]));
    }

    private static void Append(StringBuilder format, List<object?> values, TableFilter filter)
    {
        switch (filter)
        {
            case TableFilter.And and:
                Binary(format, values, and.Left, "and", and.Right);
                break;
            case TableFilter.Or or:
                Binary(format, values, or.Left, "or", or.Right);
                break;
            case TableFilter.Not not:
                format.Append("not (");
                Append(format, values, not.Inner);
                format.Append(')');
                break;
            case TableFilter.Comparison comparison:
                format.Append(PropertyName(comparison.Property)).Append(' ').Append(Operator(comparison.Operator)).Append(' ');
                AppendValue(format, values, comparison.Property, comparison.Value);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(filter), filter, "Unknown filter node.");
        }
    }

    private static void Binary(StringBuilder format, List<object?> values, TableFilter left, string op, TableFilter right)
    {
        format.Append('(');
        Append(format, values, left);
        format.Append(") ").Append(op).Append(" (");
        Append(format, values, right);
        format.Append(')');
    }

    private static void AppendValue(StringBuilder format, List<object?> values, string property, object value)
    {
        switch (value)
        {
            case double d when double.IsFinite(d):
                var text = d.ToString("R", CultureInfo.InvariantCulture);
                format.Append(text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0");
                return;
            case double:
                throw new ArgumentException($"Filter on '{property}': NaN and infinities cannot be compared in a Table Storage filter.", nameof(value));
            case string or int or long or bool or DateTimeOffset or Guid or byte[]:
                format.Append('{').Append(values.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
                values.Add(value is DateTimeOffset t ? t.ToUniversalTime() : value);
                return;
            default:
                throw new ArgumentException($"Filter on '{property}': a {value.GetType().Name} value cannot be compared in Table Storage.", nameof(value));
        }
    }

    private static string PropertyName(string name)
    {
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_') || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not a property name a filter can use (letters, digits and '_', not starting with a digit).", nameof(name));
        }

        return name;
    }

    private static string Operator(FilterOperator op) => op switch
    {
        FilterOperator.Eq => "eq",
        FilterOperator.Ne => "ne",
        FilterOperator.Gt => "gt",
        FilterOperator.Ge => "ge",
        FilterOperator.Lt => "lt",
        FilterOperator.Le => "le",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown operator."),
    };
}
