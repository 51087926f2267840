package io.github.jkmod.core.config;

import java.util.function.Consumer;

/**
 * Reads module options and blacklist entries from the kernel command line as kmod 30 does.
 *
 * <p>Rules, as observed on kmod 30 with {@code /proc/cmdline} replaced by test files:
 * <ul>
 *   <li>Only the first {@value #LIMIT} bytes count, up to the first NUL. Words are separated by
 *       whitespace ({@code isspace}) outside double quotes; a quote anywhere toggles quoting, and
 *       whitespace inside quotes never separates (a word whose quote never closes is dropped).
 *   <li>A word is {@code MODULE.PARAM[=VALUE]}: the module is what comes before the first
 *       {@code .}, the option is everything after it, as written. A word without {@code .}, with a
 *       second {@code .} or a {@code =} before the {@code =} that starts the value, or with a quote
 *       or a quoted blank anywhere before that {@code =}, is ignored; except that a quote as the
 *       very first character is allowed, and is then moved to just after the {@code =}
 *       ({@code "m.p=a b"} gives option {@code p="a b"}).
 *   <li>{@code modprobe.blacklist=A,B} adds blacklist entries A and B as written (not normalised,
 *       empty pieces kept); any other word adds an {@code options} entry for the normalised module
 *       name; a module name with an unmatched {@code [} or {@code ]} is warned about.
 * </ul>
 */
final class KernelCmdline {
    /** How many bytes of the command line libkmod reads. */
    static final int LIMIT = 4095;

    /** Receives what the command line says. */
    interface Sink {
        void option(String module, String option);

        void blacklist(String module);
    }

    private KernelCmdline() {
    }

    private enum State { MODULE, PARAM, VALUE, IGNORE }

    /** Parses {@code text} (one char per byte) and reports each entry, or each bad module name. */
    static void parse(String text, Sink sink, Consumer<String> badModule) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            text = text.substring(0, nul);
        }
        if (text.length() > LIMIT) {
            text = text.substring(0, LIMIT);
        }
        State state = State.MODULE;
        boolean quoted = false;
        boolean leadingQuote = false;
        int moduleStart = 0;
        int moduleEnd = -1;
        int equals = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            char c = end ? '\0' : text.charAt(i);
            if (!end && c == '"') {
                quoted = !quoted;
                if (quoted && state == State.MODULE && i == moduleStart) {
                    moduleStart++;
                    leadingQuote = true;
                } else if (state != State.VALUE) {
                    state = State.IGNORE;
                }
            } else if (end || SoftdepLine.isSpace(c)) {
                if (quoted) {
                    if (state != State.VALUE) {
                        state = State.IGNORE;
                    }
                    continue;
                }
                if (state == State.PARAM || state == State.VALUE) {
                    String module = text.substring(moduleStart, moduleEnd);
                    String option = text.substring(moduleEnd + 1, i);
                    if (leadingQuote && equals >= 0) {
                        int at = equals - moduleEnd;
                        option = option.substring(0, at) + '"' + option.substring(at);
                    }
                    emit(module, option, sink, badModule);
                }
                state = State.MODULE;
                leadingQuote = false;
                moduleStart = i + 1;
                moduleEnd = -1;
                equals = -1;
            } else if (c == '.') {
                if (state == State.MODULE) {
                    moduleEnd = i;
                    state = State.PARAM;
                } else if (state == State.PARAM) {
                    state = State.IGNORE;
                }
            } else if (c == '=') {
                if (state == State.PARAM) {
                    equals = i;
                    state = State.VALUE;
                } else if (state == State.MODULE) {
                    state = State.IGNORE;
                }
            }
        }
    }

    private static void emit(String module, String option, Sink sink, Consumer<String> badModule) {
        if (module.equals("modprobe") && option.startsWith("blacklist=")) {
            String list = option.substring("blacklist=".length());
            int from = 0;
            while (true) {
                int comma = list.indexOf(',', from);
                if (comma < 0) {
                    sink.blacklist(list.substring(from));
                    return;
                }
                sink.blacklist(list.substring(from, comma));
                from = comma + 1;
            }
        }
        String normalised = Names.underscores(module);
        if (normalised == null) {
            badModule.accept(Names.partial(module));
            return;
        }
        sink.option(normalised, option);
    }
}
