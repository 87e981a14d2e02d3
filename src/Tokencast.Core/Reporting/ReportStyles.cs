namespace Tokencast.Core.Reporting;

/// <summary>
/// The inline style sheet of the HTML report: system fonts, calm colours, right-aligned numbers.
/// </summary>
internal static class ReportStyles
{
    public const string Css = """
        :root { color-scheme: light; --ink: #111827; --muted: #4b5563; --line: #e5e7eb; --accent: #08306b; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f9fafb; color: var(--ink); line-height: 1.5;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 960px; margin: 0 auto; padding: 32px 24px 48px; }
        header { margin-bottom: 24px; }
        h1 { font-size: 1.75rem; margin: 0 0 12px; }
        h2 { font-size: 1.35rem; margin: 0 0 8px; color: var(--accent); }
        h3 { font-size: 1.05rem; margin: 28px 0 8px; }
        p { margin: 0 0 12px; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em;
          overflow-wrap: anywhere; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        ul.notes { margin: 12px 0 0; padding-left: 20px; color: var(--muted); }
        nav { margin: 0 0 24px; color: var(--muted); }
        nav a { color: var(--accent); margin-right: 12px; }
        section.branch { background: #fff; border: 1px solid var(--line); border-radius: 8px;
          padding: 24px; margin-bottom: 32px; }
        .lede { color: var(--muted); }
        figure { margin: 0; }
        figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 4px; }
        svg.fan-chart { width: 100%; height: auto; display: block; }
        table { border-collapse: collapse; width: 100%; font-size: 0.92rem; margin: 4px 0 8px; }
        caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
        th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { text-align: left; font-weight: 600; background: #f3f4f6; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.label { white-space: nowrap; }
        tfoot td { font-weight: 600; border-top: 2px solid #d1d5db; }
        .empty { color: var(--muted); font-style: italic; }
        footer { color: var(--muted); font-size: 0.85rem; margin-top: 24px; }
        """;
}
