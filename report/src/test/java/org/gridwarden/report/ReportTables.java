package org.gridwarden.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the tables of a rendered report back: the Markdown by section, the HTML by its data attributes. */
final class ReportTables {

    private static final Pattern HTML_TABLE = Pattern.compile("<table data-table=\"([^\"]+)\">(.*?)</table>", Pattern.DOTALL);
    private static final Pattern HTML_ROW = Pattern.compile("<tr data-key=\"([^\"]*)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern HTML_CELL = Pattern.compile("<td[^>]*? data-field=\"([^\"]+)\"[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern HTML_CARD = Pattern.compile(
            "data-card=\"([^\"]+)\"><div class=\"n\">(\\d+)</div><div class=\"l\">[^<]*</div>(?:<div class=\"c[^\"]*\">([^<]*)</div>)?");

    private ReportTables() {}

    /** One table row: its key and its cells (Markdown: by column; HTML: by data-field). */
    record Row(String key, List<String> cells, Map<String, String> fields) {

        String cell(int column) {
            return cells.get(column);
        }

        String field(String name) {
            return fields.get(name);
        }

        /** The ids in code spans of a Markdown cell. */
        List<String> codes(int column) {
            List<String> codes = new ArrayList<>();
            Matcher m = CODE.matcher(cells.get(column));
            while (m.find()) {
                codes.add(m.group(1).replace("\\|", "|"));
            }
            return codes;
        }
    }

    /**
     * The table rows of each Markdown section ("## heading" → rows after the header and separator lines; the
     * rows before the first heading under ""); a row's key is its first code span, else its first cell.
     */
    static Map<String, List<Row>> markdown(String md) {
        Map<String, List<Row>> sections = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        sections.put("", rows);
        int tableLine = 0;
        for (String line : md.lines().toList()) {
            if (line.startsWith("## ")) {
                rows = new ArrayList<>();
                sections.put(line.substring(3), rows);
                tableLine = 0;
            } else if (line.startsWith("|")) {
                if (tableLine++ >= 2) {
                    List<String> cells = cells(line);
                    Matcher code = CODE.matcher(line);
                    rows.add(new Row(code.find() ? code.group(1).replace("\\|", "|") : cells.get(0), cells, Map.of()));
                }
            } else {
                tableLine = 0;
            }
        }
        return sections;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0));
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    /** data-table → rows (key = data-key, fields = data-field → text with tags removed and entities decoded). */
    static Map<String, List<Row>> html(String html) {
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        Matcher table = HTML_TABLE.matcher(html);
        while (table.find()) {
            List<Row> rows = new ArrayList<>();
            Matcher row = HTML_ROW.matcher(table.group(2));
            while (row.find()) {
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher cell = HTML_CELL.matcher(row.group(2));
                while (cell.find()) {
                    fields.put(cell.group(1), text(cell.group(2)));
                }
                rows.add(new Row(text(row.group(1)), List.copyOf(fields.values()), fields));
            }
            tables.put(table.group(1), rows);
        }
        return tables;
    }

    /** The summary cards of the HTML page: data-card → [the number, the comparison line or ""]. */
    static Map<String, List<String>> cards(String html) {
        Map<String, List<String>> cards = new LinkedHashMap<>();
        Matcher card = HTML_CARD.matcher(html);
        while (card.find()) {
            cards.put(card.group(1), List.of(card.group(2), card.group(3) == null ? "" : text(card.group(3))));
        }
        return cards;
    }

    /** Element content as text: tags dropped (code spans separated by a space), entities decoded. */
    static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&").strip();
    }
}
