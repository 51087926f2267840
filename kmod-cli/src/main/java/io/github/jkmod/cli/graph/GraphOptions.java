package io.github.jkmod.cli.graph;

import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.common.ToolUsageException;
import io.github.jkmod.core.KmodProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@code jkmod graph}, parsed.
 *
 * @param profile the kmod release to follow
 * @param dirname {@code -d DIR}, or null
 * @param release {@code -S RELEASE}, or null
 * @param configs the {@code -C FILE} options, in order
 * @param sysfs {@code --sysfs ROOT}, or null
 * @param reverse {@code --reverse}
 * @param reduce {@code --reduce}
 * @param format {@code --format}: {@code dot} unless given
 * @param output {@code -o FILE}, or null for the standard output
 * @param help {@code -h}
 * @param version {@code -V}
 * @param names the module names and aliases
 */
record GraphOptions(KmodProfile profile, String dirname, String release, List<String> configs, String sysfs,
        boolean reverse, boolean reduce, String format, String output, boolean help, boolean version,
        List<String> names) {

    /** Parses {@code args}; the first {@code -h} or {@code -V} ends the options. */
    static GraphOptions parse(String argv0, List<String> args, ToolRun run) throws ToolUsageException {
        String programName = ToolRun.baseName(argv0);
        KmodProfile profile = run.profile(programName);
        String dirname = null;
        String release = null;
        List<String> configs = new ArrayList<>();
        String sysfs = null;
        boolean reverse = false;
        boolean reduce = false;
        String format = "dot";
        String output = null;
        ToolAccess getopt = ToolAccess.graphParser(argv0, args, run.env().containsKey("POSIXLY_CORRECT"));
        for (ToolAccess.Event e = getopt.next(); e != null; e = getopt.next()) {
            if (e.failure() != null) {
                throw new ToolUsageException(e.failure());
            }
            switch (e.opt()) {
                case DIRNAME:
                    dirname = e.argument();
                    break;
                case SET_VERSION:
                    release = e.argument();
                    break;
                case CONFIG:
                    configs.add(e.argument());
                    break;
                case SYSFS:
                    sysfs = e.argument();
                    break;
                case REVERSE:
                    reverse = true;
                    break;
                case REDUCE:
                    reduce = true;
                    break;
                case FORMAT:
                    format = e.argument();
                    break;
                case OUTPUT:
                    output = e.argument();
                    break;
                case PROFILE:
                    profile = ToolRun.profile(programName, "profile value", e.argument());
                    break;
                case HELP:
                    return new GraphOptions(profile, null, null, List.of(), null, false, false, format, null, true,
                            false, List.of());
                case VERSION:
                    return new GraphOptions(profile, null, null, List.of(), null, false, false, format, null, false,
                            true, List.of());
                default:
                    break;
            }
        }
        return new GraphOptions(profile, dirname, release, List.copyOf(configs), sysfs, reverse, reduce, format, output,
                false, false, List.copyOf(getopt.operands()));
    }
}
