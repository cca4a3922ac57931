package io.tributary.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The summary: one row per figure, beside its reference and target; printed and written as markdown. */
final class Report {

    enum Verdict {
        PASS, FAIL, INFO;

        static Verdict of(boolean pass) {
            return pass ? PASS : FAIL;
        }
    }

    record Row(String benchmark, String metric, String value, String reference, String ratio, String target, Verdict verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<String>> sections = new LinkedHashMap<>();

    synchronized void add(String benchmark, String metric, String value, String reference, String ratio, String target, Verdict verdict) {
        rows.add(new Row(benchmark, metric, value, reference, ratio, target, verdict));
    }

    synchronized void info(String benchmark, String metric, String value) {
        add(benchmark, metric, value, "", "", "", Verdict.INFO);
    }

    synchronized void note(String section, String line) {
        sections.computeIfAbsent(section, k -> new ArrayList<>()).add(line);
    }

    synchronized long failures() {
        return rows.stream().filter(r -> r.verdict() == Verdict.FAIL).count();
    }

    synchronized String text() {
        String[] head = {"Benchmark", "Metric", "Value", "Reference", "Ratio", "Target", "Result"};
        int[] w = new int[head.length];
        List<String[]> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(new String[] {r.benchmark(), r.metric(), r.value(), r.reference(), r.ratio(), r.target(),
                    r.verdict() == Verdict.INFO ? "" : r.verdict().name()});
        }
        for (int i = 0; i < head.length; i++) {
            w[i] = head[i].length();
            for (String[] c : cells) {
                w[i] = Math.max(w[i], c[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, head, w);
        StringBuilder sep = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            sep.append(i == 0 ? "" : "-+-").append("-".repeat(w[i]));
        }
        sb.append(sep).append('\n');
        String previous = null;
        for (String[] c : cells) {
            if (previous != null && !previous.equals(c[0])) {
                sb.append(sep).append('\n');
            }
            previous = c[0];
            line(sb, c, w);
        }
        for (Map.Entry<String, List<String>> s : sections.entrySet()) {
            sb.append('\n').append(s.getKey()).append(":\n");
            s.getValue().forEach(l -> sb.append("  ").append(l).append('\n'));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] c, int[] w) {
        for (int i = 0; i < c.length; i++) {
            sb.append(i == 0 ? "" : " | ").append(String.format("%-" + w[i] + "s", c[i]));
        }
        sb.append('\n');
    }

    synchronized String markdown(String title, List<String> preamble) {
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
        preamble.forEach(l -> sb.append(l).append('\n'));
        sb.append("\n| Benchmark | Metric | Value | Reference | Ratio | Target | Result |\n");
        sb.append("|---|---|---:|---:|---:|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(esc(r.benchmark())).append(" | ").append(esc(r.metric())).append(" | ").append(esc(r.value()))
                    .append(" | ").append(esc(r.reference())).append(" | ").append(esc(r.ratio())).append(" | ")
                    .append(esc(r.target())).append(" | ")
                    .append(r.verdict() == Verdict.INFO ? "" : r.verdict() == Verdict.PASS ? "PASS" : "**FAIL**").append(" |\n");
        }
        for (Map.Entry<String, List<String>> s : sections.entrySet()) {
            sb.append("\n## ").append(s.getKey()).append("\n\n");
            s.getValue().forEach(l -> sb.append("- ").append(l).append('\n'));
        }
        return sb.toString();
    }

    private static String esc(String s) {
        return s.replace("|", "\\|");
    }

    void write(Path file, String title, List<String> preamble) throws IOException {
        Files.writeString(file, markdown(title, preamble), StandardCharsets.UTF_8);
    }
}
