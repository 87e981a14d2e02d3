using System.Net;

namespace Tokencast.Core.Reporting;

/// <summary>Writes an HTML table whose every cell is plain text, HTML-escaped here.</summary>
internal static class HtmlTable
{
    /// <summary>A column: its header and whether its cells are numbers (right-aligned).</summary>
    public sealed record Column(string Header, bool IsNumber = true);

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
            var alignment = column.IsNumber ? " class=\"number\"" : "";
            output.Write($"<th scope=\"col\"{alignment}>{WebUtility.HtmlEncode(column.Header)}</th>");
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

    private static void WriteRow(TextWriter output, IReadOnlyList<Column> columns, IReadOnlyList<string> cells)
    {
        if (cells.Count != columns.Count)
        {
            throw new ArgumentException($"A row has {cells.Count} cells but the table has {columns.Count} columns.");
        }

        output.Write("<tr>");
        for (var i = 0; i < cells.Count; i++)
        {
            var alignment = columns[i].IsNumber ? " class=\"number\"" : "";
            output.Write($"<td{alignment}>{WebUtility.HtmlEncode(cells[i])}</td>");
        }

        output.WriteLine("</tr>");
    }
}
