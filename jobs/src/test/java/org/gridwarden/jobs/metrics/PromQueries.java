package org.gridwarden.jobs.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The PromQL queries of a markdown document ({@code ```promql} blocks, one query per paragraph) and what they
 * need from a scrape: metric names, label names, and label values they match.
 */
record PromQueries(List<Query> queries) {

    /** One query: the metrics it reads, the labels it groups by, and its label matchers. */
    record Query(String text, Set<String> metrics, Set<String> labels, List<LabelMatch> matchers) {}

    /** {@code label="value"} or {@code label=~"regex"}. */
    record LabelMatch(String label, boolean regex, String value) {}

    private static final Pattern BLOCK = Pattern.compile("```promql\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern METRIC = Pattern.compile("\\b(flink_[A-Za-z0-9_:]+)");
    private static final Pattern BY = Pattern.compile("\\b(?:by|without)\\s*\\(([^)]*)\\)");
    private static final Pattern MATCHER = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(=~|=)\\s*\"([^\"]*)\"");

    static PromQueries of(String markdown) {
        List<Query> queries = new ArrayList<>();
        java.util.regex.Matcher block = BLOCK.matcher(markdown);
        while (block.find()) {
            for (String text : block.group(1).split("\\n\\s*\\n")) {
                if (!text.isBlank()) {
                    queries.add(parse(text.strip()));
                }
            }
        }
        return new PromQueries(queries);
    }

    private static Query parse(String text) {
        Set<String> metrics = new LinkedHashSet<>();
        METRIC.matcher(text).results().forEach(m -> metrics.add(m.group(1)));
        Set<String> labels = new LinkedHashSet<>();
        BY.matcher(text).results().forEach(m -> {
            for (String label : m.group(1).split(",")) {
                labels.add(label.strip());
            }
        });
        List<LabelMatch> matchers = new ArrayList<>();
        java.util.regex.Matcher m = MATCHER.matcher(text);
        while (m.find()) {
            matchers.add(new LabelMatch(m.group(1), m.group(2).equals("=~"), m.group(3)));
            labels.add(m.group(1));
        }
        return new Query(text, metrics, labels, matchers);
    }

    /** Samples of a Prometheus text exposition: metric name to the label sets of its samples. */
    static Map<String, List<Map<String, String>>> samples(String exposition) {
        Pattern sample = Pattern.compile("^([A-Za-z_:][A-Za-z0-9_:]*)(?:\\{(.*)\\})?\\s+\\S+.*$");
        Pattern label = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        for (String line : exposition.split("\\n")) {
            java.util.regex.Matcher s = sample.matcher(line);
            if (line.startsWith("#") || !s.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (s.group(2) != null) {
                label.matcher(s.group(2)).results().forEach(l -> labels.put(l.group(1), l.group(2)));
            }
            out.computeIfAbsent(s.group(1), k -> new ArrayList<>()).add(labels);
        }
        return out;
    }
}
