package io.tributary.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A hot-method summary of the app's flight recording (--jfr): CPU samples by top frame (self time)
 * and by method anywhere on the stack (total time), so the lead sees where the app spends its CPU.
 */
final class JfrSummary {

    private JfrSummary() {
    }

    static List<String> summarize(Path recording, int top) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        long samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace st = e.getStackTrace();
                if (st == null || st.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = st.getFrames();
                self.merge(name(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (seen.add(n)) {
                        total.merge(n, 1L, Long::sum);
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add(samples + " CPU samples (jdk.ExecutionSample)");
        out.add("-- top methods by self samples --");
        addTop(out, self, samples, top, null);
        out.add("-- top io.tributary / framework methods by total samples (on the stack) --");
        addTop(out, total, samples, top * 2, n -> !n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.")
                && !n.startsWith("org.apache.tomcat") && !n.startsWith("org.apache.catalina") && !n.startsWith("org.apache.coyote"));
        return out;
    }

    private static void addTop(List<String> out, Map<String, Long> counts, long samples, int top,
                               java.util.function.Predicate<String> filter) {
        counts.entrySet().stream()
                .filter(e -> filter == null || filter.test(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> out.add(String.format("%5.1f%%  %s", 100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
    }

    private static String name(RecordedFrame f) {
        if (f.getMethod() == null) {
            return "?";
        }
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
