package io.github.jkmod.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A re-implementation of glibc's {@code getopt_long} (not {@code _only}), as observed through
 * modprobe: clustered short options ({@code -vn}, {@code -S6.1}), arguments glued or in the next
 * element, {@code --name=value} and {@code --name value}, unique prefixes of long names (prefixes
 * matching only synonyms are not ambiguous), {@code --} ending the options, a lone {@code -} being an
 * operand, and GNU permutation (options after operands are still options) unless
 * {@code POSIXLY_CORRECT} is set, in which case the first operand ends the options.
 *
 * <p>Options are returned one at a time, left to right, so that the caller can stop at the first
 * one that ends the program ({@code -h}, an invalid {@code -w}) exactly where modprobe stops.
 * Error texts are glibc's, prefixed with {@code argv[0]} as given (not its base name).
 *
 * <p>Known divergence: glibc works on bytes, so for a non-ASCII option letter ({@code -é}) it
 * names only the first byte of its UTF-8 form; jkmod names the whole character. (Under the C
 * locale, as when the kernel runs modprobe, the JVM cannot even see such bytes.)
 */
final class Getopt {
    private final String argv0;
    private final List<ShortOption> shortOptions;
    private final List<LongOption> longOptions;
    private final List<LongOption> exactOnlyOptions;
    private final List<String> args;
    private final boolean requireOrder;
    private final List<String> operands = new ArrayList<>();
    private int index;
    /** The short-option cluster being read (e.g. {@code -vn}), or null. */
    private String cluster;
    private int clusterPos;
    private boolean finished;

    /**
     * @param argv0 the program name as invoked, used to prefix messages
     * @param shortOptions the short options
     * @param longOptions the long options, in table order
     * @param exactOnlyOptions further long options matched only by their full name, after
     *     {@code longOptions} found nothing
     * @param args the arguments after {@code argv[0]}
     * @param requireOrder true to stop at the first operand ({@code POSIXLY_CORRECT})
     */
    Getopt(String argv0, List<ShortOption> shortOptions, List<LongOption> longOptions,
            List<LongOption> exactOnlyOptions, List<String> args, boolean requireOrder) {
        this.argv0 = argv0;
        this.shortOptions = List.copyOf(shortOptions);
        this.longOptions = List.copyOf(longOptions);
        this.exactOnlyOptions = List.copyOf(exactOnlyOptions);
        this.args = List.copyOf(args);
        this.requireOrder = requireOrder;
    }

    /** The next option or failure, or empty once the options are exhausted. */
    Optional<GetoptEvent> next() {
        if (cluster != null) {
            return Optional.of(nextShort());
        }
        while (!finished && index < args.size()) {
            String arg = args.get(index);
            if (arg.equals("--")) {
                index++;
                finish();
                break;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                if (requireOrder) {
                    finish();
                    break;
                }
                operands.add(arg);
                index++;
                continue;
            }
            index++;
            if (arg.charAt(1) == '-') {
                return Optional.of(nextLong(arg.substring(2)));
            }
            cluster = arg;
            clusterPos = 1;
            return Optional.of(nextShort());
        }
        finish();
        return Optional.empty();
    }

    /** The operands in their original order; complete once {@link #next()} returned empty. */
    List<String> operands() {
        return List.copyOf(operands);
    }

    private void finish() {
        if (!finished) {
            operands.addAll(args.subList(index, args.size()));
            index = args.size();
            finished = true;
        }
    }

    private GetoptEvent nextShort() {
        int letter = cluster.codePointAt(clusterPos);
        clusterPos += Character.charCount(letter);
        boolean atEnd = clusterPos >= cluster.length();
        String rest = cluster.substring(clusterPos);
        if (atEnd) {
            cluster = null;
        }
        ShortOption found = null;
        for (ShortOption o : shortOptions) {
            if (o.letter() == letter) {
                found = o;
                break;
            }
        }
        if (found == null) {
            return new GetoptEvent.Failure(argv0 + ": invalid option -- '"
                    + new String(Character.toChars(letter)) + "'\n");
        }
        if (!found.hasArg()) {
            return new GetoptEvent.Option(found.id(), Optional.empty());
        }
        cluster = null;
        if (!atEnd) {
            return new GetoptEvent.Option(found.id(), Optional.of(rest));
        }
        if (index < args.size()) {
            return new GetoptEvent.Option(found.id(), Optional.of(args.get(index++)));
        }
        return new GetoptEvent.Failure(argv0 + ": option requires an argument -- '"
                + found.letter() + "'\n");
    }

    private GetoptEvent nextLong(String body) {
        int eq = body.indexOf('=');
        String name = eq < 0 ? body : body.substring(0, eq);
        LongOption found = null;
        for (LongOption o : longOptions) {
            if (o.name().equals(name)) {
                found = o;
                break;
            }
        }
        if (found == null) {
            List<LongOption> ambiguous = new ArrayList<>();
            for (LongOption o : longOptions) {
                if (!o.name().startsWith(name)) {
                    continue;
                }
                if (found == null) {
                    found = o;
                } else if (found.hasArg() != o.hasArg() || found.id() != o.id()) {
                    // glibc compares every later match with the first one only.
                    if (ambiguous.isEmpty()) {
                        ambiguous.add(found);
                    }
                    ambiguous.add(o);
                }
            }
            if (!ambiguous.isEmpty()) {
                StringBuilder text = new StringBuilder(argv0).append(": option '--").append(body)
                        .append("' is ambiguous; possibilities:");
                for (LongOption o : ambiguous) {
                    text.append(" '--").append(o.name()).append('\'');
                }
                return new GetoptEvent.Failure(text.append('\n').toString());
            }
        }
        if (found == null) {
            for (LongOption o : exactOnlyOptions) {
                if (o.name().equals(name)) {
                    found = o;
                    break;
                }
            }
        }
        if (found == null) {
            return new GetoptEvent.Failure(argv0 + ": unrecognized option '--" + body + "'\n");
        }
        if (eq >= 0) {
            if (found.hasArg()) {
                return new GetoptEvent.Option(found.id(), Optional.of(body.substring(eq + 1)));
            }
            return new GetoptEvent.Failure(argv0 + ": option '--" + found.name()
                    + "' doesn't allow an argument\n");
        }
        if (!found.hasArg()) {
            return new GetoptEvent.Option(found.id(), Optional.empty());
        }
        if (index < args.size()) {
            return new GetoptEvent.Option(found.id(), Optional.of(args.get(index++)));
        }
        return new GetoptEvent.Failure(argv0 + ": option '--" + found.name()
                + "' requires an argument\n");
    }
}
