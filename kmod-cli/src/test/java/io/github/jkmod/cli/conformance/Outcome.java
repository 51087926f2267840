package io.github.jkmod.cli.conformance;

/**
 * What one run printed and returned. Output is held as ISO-8859-1 text: one char per byte, so
 * equal strings mean equal bytes.
 */
record Outcome(String stdout, String stderr, int status) {

    /** A readable rendering for failure messages. */
    String show() {
        return "status " + status + "\n--- stdout\n" + clip(stdout) + "--- stderr\n" + clip(stderr);
    }

    private static String clip(String s) {
        return s.length() > 3000 ? s.substring(0, 3000) + "...(" + s.length() + " chars)\n" : s;
    }
}
