package io.github.jkmod.cli.depmod;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code getopt_long} as glibc runs it for depmod's option table: clustered short options, an
 * argument attached or in the next word, long options by any unique prefix ({@code --name=value} or
 * the next word), operands permuted after the options, {@code --} ending the options, and glibc's
 * messages for a bad option.
 */
final class DepmodGetopt {
    /** A long option: its name, whether it takes an argument, and the short letter it stands for. */
    record LongOpt(String name, boolean hasArg, char letter) {
    }

    /** An option found ({@code letter} and its argument), or a failure ({@code failure} non-null). */
    record Found(char letter, String argument, String longName, String failure) {
    }

    private final String argv0;
    private final String shortOpts;
    private final List<LongOpt> longOpts;
    private final List<String> args;
    private final List<String> operands = new ArrayList<>();
    private int index;
    private String cluster;
    private int clusterAt;

    DepmodGetopt(String argv0, String shortOpts, List<LongOpt> longOpts, List<String> args) {
        this.argv0 = argv0;
        this.shortOpts = shortOpts;
        this.longOpts = longOpts;
        this.args = args;
    }

    List<String> operands() {
        return operands;
    }

    /** The next option, or null when the options are exhausted (the operands are then complete). */
    Found next() {
        if (cluster != null) {
            return shortOption();
        }
        while (index < args.size()) {
            String a = args.get(index++);
            if (a.equals("--")) {
                operands.addAll(args.subList(index, args.size()));
                index = args.size();
                return null;
            }
            if (a.startsWith("--")) {
                return longOption(a.substring(2));
            }
            if (a.length() > 1 && a.charAt(0) == '-') {
                cluster = a;
                clusterAt = 1;
                return shortOption();
            }
            operands.add(a);
        }
        return null;
    }

    private Found shortOption() {
        char c = cluster.charAt(clusterAt++);
        boolean last = clusterAt >= cluster.length();
        int at = shortOpts.indexOf(c);
        if (at < 0 || c == ':') {
            if (last) {
                cluster = null;
            }
            return new Found('?', null, null, argv0 + ": invalid option -- '" + c + "'\n");
        }
        boolean hasArg = at + 1 < shortOpts.length() && shortOpts.charAt(at + 1) == ':';
        if (!hasArg) {
            if (last) {
                cluster = null;
            }
            return new Found(c, null, null, null);
        }
        String rest = cluster.substring(clusterAt);
        cluster = null;
        if (!rest.isEmpty()) {
            return new Found(c, rest, null, null);
        }
        if (index < args.size()) {
            return new Found(c, args.get(index++), null, null);
        }
        return new Found('?', null, null, argv0 + ": option requires an argument -- '" + c + "'\n");
    }

    private Found longOption(String text) {
        int eq = text.indexOf('=');
        String name = eq < 0 ? text : text.substring(0, eq);
        LongOpt found = null;
        List<LongOpt> matches = new ArrayList<>();
        for (LongOpt o : longOpts) {
            if (o.name().equals(name)) {
                found = o;
                matches.clear();
                break;
            }
            if (o.name().startsWith(name)) {
                matches.add(o);
            }
        }
        if (found == null) {
            if (matches.isEmpty()) {
                return new Found('?', null, null, argv0 + ": unrecognized option '--" + text + "'\n");
            }
            found = matches.get(0);
            for (LongOpt o : matches) {
                if (o.hasArg() != found.hasArg() || o.letter() != found.letter()) {
                    StringBuilder b = new StringBuilder(argv0 + ": option '--" + name + "' is ambiguous; possibilities:");
                    for (LongOpt m : matches) {
                        b.append(" '--").append(m.name()).append('\'');
                    }
                    return new Found('?', null, null, b.append('\n').toString());
                }
            }
        }
        if (eq >= 0) {
            if (!found.hasArg()) {
                return new Found('?', null, null,
                        argv0 + ": option '--" + found.name() + "' doesn't allow an argument\n");
            }
            return new Found(found.letter(), text.substring(eq + 1), found.name(), null);
        }
        if (found.hasArg()) {
            if (index < args.size()) {
                return new Found(found.letter(), args.get(index++), found.name(), null);
            }
            return new Found('?', null, null, argv0 + ": option '--" + found.name() + "' requires an argument\n");
        }
        return new Found(found.letter(), null, found.name(), null);
    }
}
