using System.Net;

namespace Tokencast.Core.Reporting;

/// <summary>Writes an HTML table whose every cell is plain text, HTML-escaped here.</summary>
internal static class HtmlTable
{
    /// <summary>A column: its header and the CSS class of its cells, or null for wrapping text.</summary>
    public sealed record Column(string Header, string? CssClass)
    {
        /// <summary>Returns a column of right-aligned numbers.</summary>
        public static Column Number(string header) => new(header, "number");

        /// <summary>Returns a column of short labels, such as names and months, that do not wrap.</summary>
        public static Column Label(string header) => new(header, "label");

        /// <summary>Returns a column of free text that wraps.</summary>
        public static Column Text(string header) => new(header, null);
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
            output.Write($"<td{ClassAttribute(columns[i])}>{WebUtility.HtmlEncode(cells[i])}</td>");
        }

        output.WriteLine("</tr>");
    }

    private static string ClassAttribute(Column column) =>
        column.CssClass is null ? "" : $" class=\"{column.CssClass}\"";
}
