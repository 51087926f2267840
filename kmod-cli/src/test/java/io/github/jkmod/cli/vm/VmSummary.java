package io.github.jkmod.cli.vm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code JKVM-SUMMARY key=value ...} line printed by the VM harness, one per scenario (one per
 * thread count for the seed's scenario). The value of {@code cmd}, the last key, runs to the end of
 * the line.
 *
 * @param fields the line's keys and values, in line order
 */
record VmSummary(Map<String, String> fields) {

    static final String PREFIX = "JKVM-SUMMARY ";

    VmSummary {
        fields = Map.copyOf(fields);
    }

    /**
     * Parses a summary line; the line may carry console noise before the prefix.
     *
     * @param line a console line
     * @return the summary, or empty when the line holds none
     * @throws IllegalArgumentException when a word after the prefix is not {@code key=value}
     */
    static Optional<VmSummary> parse(String line) {
        int at = line.indexOf(PREFIX);
        if (at < 0) {
            return Optional.empty();
        }
        String rest = line.substring(at + PREFIX.length()).strip();
        Map<String, String> fields = new LinkedHashMap<>();
        while (!rest.isEmpty()) {
            int eq = rest.indexOf('=');
            int space = rest.indexOf(' ');
            if (eq <= 0 || (space >= 0 && space < eq)) {
                throw new IllegalArgumentException("summary word without key=value at column "
                        + (line.length() - rest.length()) + ": " + line);
            }
            String key = rest.substring(0, eq);
            String value;
            if (key.equals("cmd") || space < 0) {
                value = rest.substring(eq + 1);
                rest = "";
            } else {
                value = rest.substring(eq + 1, space);
                rest = rest.substring(space + 1).stripLeading();
            }
            fields.put(key, value);
        }
        return Optional.of(new VmSummary(fields));
    }

    /**
     * Picks the summaries of one scenario out of console lines.
     *
     * @param lines console lines
     * @param scenario {@code functional}, {@code seed} or {@code widewindow}
     * @return that scenario's summaries, in console order
     */
    static List<VmSummary> of(List<String> lines, String scenario) {
        return lines.stream()
                .map(VmSummary::parse)
                .flatMap(Optional::stream)
                .filter(s -> scenario.equals(s.fields().get("scenario")))
                .toList();
    }

    /**
     * Returns a field.
     *
     * @param key the field's key
     * @return its value
     * @throws IllegalStateException when the line has no such field
     */
    String get(String key) {
        String value = fields.get(key);
        if (value == null) {
            throw new IllegalStateException("summary without " + key + ": " + fields);
        }
        return value;
    }

    /**
     * Returns a numeric field.
     *
     * @param key the field's key
     * @return its value
     * @throws IllegalStateException when the line has no such field
     * @throws NumberFormatException when the value is not an integer
     */
    int number(String key) {
        return Integer.parseInt(get(key));
    }

    /** {@return whether the guest judged the scenario passed} */
    boolean passed() {
        return "pass".equals(fields.get("result"));
    }
}
