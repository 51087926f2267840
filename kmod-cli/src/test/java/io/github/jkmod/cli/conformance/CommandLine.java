package io.github.jkmod.cli.conformance;

import io.github.jkmod.testsupport.Oracle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One modprobe command line: the arguments (one char per byte, ISO-8859-1, as jmodprobe reads
 * them) and the whole environment of the process.
 */
record CommandLine(List<String> args, Map<String, String> env) {

    /**
     * The environment every run gets: the kernel's PATH and {@code JKMOD_PROFILE} of the chosen
     * oracle (which jmodprobe follows and the real modprobe ignores), nothing else (no locale).
     */
    static final Map<String, String> BASE_ENV = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin",
            Oracle.PROFILE_VARIABLE, Oracle.current().profile());

    CommandLine {
        args = List.copyOf(args);
        env = Map.copyOf(env);
    }

    static CommandLine of(List<String> args) {
        return new CommandLine(args, BASE_ENV);
    }

    static CommandLine of(String... args) {
        return of(List.of(args));
    }

    /** This command line with {@code more} arguments appended. */
    CommandLine plus(List<String> more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(more);
        return new CommandLine(all, env);
    }

    /** This command line with one more environment variable. */
    CommandLine withEnv(String name, String value) {
        Map<String, String> e = new HashMap<>(env);
        e.put(name, value);
        return new CommandLine(args, e);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        env.forEach((k, v) -> {
            if (!BASE_ENV.containsKey(k)) {
                b.append(k).append("='").append(v).append("' ");
            }
        });
        b.append("modprobe");
        for (String a : args) {
            String shown = a.length() > 80 ? a.substring(0, 40) + "...(" + a.length() + " chars)" : a;
            b.append(' ').append(shown.isEmpty() || shown.contains(" ") ? "'" + shown + "'" : shown);
        }
        return b.toString();
    }
}
