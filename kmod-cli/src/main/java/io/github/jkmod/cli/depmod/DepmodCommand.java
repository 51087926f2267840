package io.github.jkmod.cli.depmod;

import io.github.jkmod.KmodException;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.depmod.DependencyCycleException;
import io.github.jkmod.core.depmod.Depmod;
import io.github.jkmod.core.depmod.DepmodMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The options of one depmod command line, and the run they ask for. */
final class DepmodCommand {
    private final String program;
    private final KmodProfile profile;
    private final ToolRun run;
    private final Depmod.Builder builder;
    private final List<Path> configPaths = new ArrayList<>();
    private boolean all;
    private boolean quick;
    private boolean dryRun;
    private int verbose;

    DepmodCommand(String program, KmodProfile profile, ToolRun run) {
        this.program = program;
        this.profile = profile;
        this.run = run;
        this.builder = Depmod.builder().profile(profile).listener(this::message);
    }

    private void message(DepmodMessage m) {
        if (m.level() == DepmodMessage.Level.SHOW) {
            if (verbose >= 1) {
                run.out().print(m.text() + "\n");
                run.out().flush();
            }
        } else if (m.level() != DepmodMessage.Level.INFO || verbose >= 2) {
            DepmodTool.log(run, program, m);
        }
    }

    void warn(String text) {
        message(new DepmodMessage(DepmodMessage.Level.WARNING, text));
    }

    /** Takes one option; false when it makes the command line fail (its message printed). */
    boolean option(char letter, String argument) {
        switch (letter) {
            case 'a':
                all = true;
                break;
            case 'A':
                quick = true;
                break;
            case 'b':
                builder.root(Path.of(argument));
                break;
            case 'm':
                builder.moduleDirectory(argument);
                break;
            case 'o':
                builder.outputRoot(Path.of(argument));
                break;
            case 'C':
                configPaths.add(Path.of(argument));
                break;
            case 'E':
                builder.symvers(Path.of(argument));
                break;
            case 'F':
                builder.systemMap(Path.of(argument));
                break;
            case 'e':
                builder.printUnknown(true);
                break;
            case 'v':
                verbose++;
                break;
            case 'n':
                dryRun = true;
                break;
            case 'P':
                if (profile == KmodProfile.KMOD_30 ? argument.length() > 1 : argument.length() != 1) {
                    message(new DepmodMessage(DepmodMessage.Level.FATAL, "-P only takes a single char"));
                    return false;
                }
                builder.symbolPrefix(argument.isEmpty() ? '\0' : argument.charAt(0));
                break;
            case 'w':
                builder.warnDuplicates(true);
                break;
            default:
                break;
        }
        return true;
    }

    private static boolean isVersionNumber(String s) {
        return s.matches("^[ \t\n]*[+-]?[0-9]+\\.[ \t\n]*[+-]?[0-9]+.*") ;
    }

    /** Runs with the operands: a release, then module files. */
    int execute(List<String> operands) {
        String release;
        int next = 0;
        if (!operands.isEmpty()) {
            if (!isVersionNumber(operands.get(0))) {
                message(new DepmodMessage(DepmodMessage.Level.ERROR, "Bad version passed " + operands.get(0)));
                return 1;
            }
            release = operands.get(next++);
        } else {
            try {
                release = DepmodTool.runningRelease();
            } catch (IOException e) {
                message(new DepmodMessage(DepmodMessage.Level.FATAL, "uname() failed: " + e.getMessage()));
                return 1;
            }
        }
        builder.release(release);
        if (!configPaths.isEmpty()) {
            builder.configPaths(configPaths);
        }
        if (next == operands.size()) {
            all = true;
        }
        if (!all) {
            builder.moduleFiles(operands.subList(next, operands.size()));
        }
        Depmod depmod = builder.build();
        if (quick) {
            if (dryRun || depmod.upToDate()) {
                return 0;
            }
            builder.moduleFiles(List.of());
            depmod = builder.build();
        }
        try {
            if (dryRun) {
                DepmodTool.print(depmod.dryRun(), run);
            } else {
                depmod.write();
            }
            return 0;
        } catch (DependencyCycleException e) {
            return 1;
        } catch (KmodException e) {
            return DepmodTool.fatal(run, program, e);
        }
    }
}
