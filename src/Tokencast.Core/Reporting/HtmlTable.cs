using System.Net;

namespace Tokencast.Core.Reporting;

/// <summary>Writes an HTML table whose every cell is plain text, HTML-escaped here.</summary>
internal static class HtmlTable
{
    /// <summary>
    /// A column: its header, the CSS class of its cells or null for wrapping text, and whether each cell is
    /// set as code.
    /// </summary>
    public sealed record Column(string Header, string? CssClass, bool IsCode = false)
    {
        /// <summary>Returns a column of right-aligned numbers.</summary>
        public static Column Number(string header) => new(header, "number");

        /// <summary>Returns a column of short labels, such as names and months, that do not wrap.</summary>
        public static Column Label(string header) => new(header, "label");

        /// <summary>Returns a column of free text that wraps.</summary>
        public static Column Text(string header) => new(header, null);

        /// <summary>
        /// Returns a column of dotted identifiers such as scenario paths, set as code. A line may break after
        /// each dot, and the page style lets code break anywhere, so long ones do not widen the table.
        /// </summary>
        public static Column Code(string header) => new(header, null, IsCode: true);
    }

    /// <summary>
    /// Writes a table with a caption, a header row, the body rows and an optional footer row. Each row has
    /// one cell per column.
    /// </summary>
    public static void Write(
        TextWriter output,
        string caption,
        IReadOnlyList<Column> columns,
        IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlyList<string>? footer = null)
    {
        output.Write($"<table><caption>{WebUtility.HtmlEncode(caption)}</caption><thead><tr>");
        foreach (var column in columns)
        {
            var header = WebUtility.HtmlEncode(column.Header);
            output.Write($"<th scope=\"col\"{ClassAttribute(column)}>{header}</th>");
        }

        output.Write("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            WriteRow(output, columns, row);
        }

        output.Write("</tbody>");
        if (footer is not null)
        {
            output.Write("<tfoot>");
            WriteRow(output, columns, footer);
            output.Write("</tfoot>");
        }

        output.WriteLine("</table>");
    }

    private static void WriteRow(
        TextWriter output, IReadOnlyList<Column> columns, IReadOnlyList<string> cells)
    {
        if (cells.Count != columns.Count)
        {
            throw new ArgumentException(
                $"A row has {cells.Count} cells but the table has {columns.Count} columns.", nameof(cells));
        }

        output.Write("<tr>");
        for (var i = 0; i < cells.Count; i++)
        {
            var text = WebUtility.HtmlEncode(cells[i]);
            output.Write(columns[i].IsCode
                ? $"<td{ClassAttribute(columns[i])}><code>{text.Replace(".", ".<wbr>", StringComparison.Ordinal)}</code></td>"
                : $"<td{ClassAttribute(columns[i])}>{text}</td>");
        }

        output.WriteLine("</tr>");
    }

    private static string ClassAttribute(Column column) =>
        column.CssClass is null ? "" : $" class=\"{column.CssClass}\"";
}
