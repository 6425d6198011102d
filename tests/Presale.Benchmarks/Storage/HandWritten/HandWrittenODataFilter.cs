using System.Globalization;
using System.Text;
using Presale.Application.Storage;

namespace Presale.Benchmarks.Storage.HandWritten;

/// <summary>Renders a <see cref="TableFilter"/> as a Table service <c>$filter</c> expression (the hand-written adapter's, kept for the cost comparison).</summary>
internal static class HandWrittenODataFilter
{
    public static string Render(TableFilter filter)
    {
        var text = new StringBuilder();
        Append(text, filter);
        return text.ToString();
    }

    private static void Append(StringBuilder text, TableFilter filter)
    {
        switch (filter)
        {
            case TableFilter.And and:
                Binary(text, and.Left, "and", and.Right);
                break;
            case TableFilter.Or or:
                Binary(text, or.Left, "or", or.Right);
                break;
            case TableFilter.Not not:
                text.Append("not (");
                Append(text, not.Inner);
                text.Append(')');
                break;
            case TableFilter.Comparison comparison:
                text.Append(PropertyName(comparison.Property)).Append(' ')
                    .Append(Operator(comparison.Operator)).Append(' ')
                    .Append(Literal(comparison.Property, comparison.Value));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(filter), filter, "Unknown filter node.");
        }
    }

    private static void Binary(StringBuilder text, TableFilter left, string op, TableFilter right)
    {
        text.Append('(');
        Append(text, left);
        text.Append(") ").Append(op).Append(" (");
        Append(text, right);
        text.Append(')');
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

    internal static string Literal(string property, object value) => value switch
    {
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d when double.IsFinite(d) => DoubleLiteral(d),
        double => throw new ArgumentException($"Filter on '{property}': NaN and infinities cannot be compared in a Table Storage filter.", nameof(value)),
        bool b => b ? "true" : "false",
        DateTimeOffset t => "datetime'" + TableJson.FormatDateTime(t) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexStringLower(bytes) + "'",
        _ => throw new ArgumentException($"Filter on '{property}': a {value.GetType().Name} value cannot be compared in Table Storage.", nameof(value)),
    };

    private static string DoubleLiteral(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
