package io.github.jkmod.cli.devices;

import io.github.jkmod.KmodException;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.common.ToolUsageException;
import io.github.jkmod.core.ContextWarning;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.ProbeFlags;
import io.github.jkmod.core.devices.Coldplug;
import io.github.jkmod.core.devices.ColdplugReport;
import io.github.jkmod.core.devices.DeviceReport;
import io.github.jkmod.core.devices.HostDevices;
import io.github.jkmod.core.devices.NeededModules;
import io.github.jkmod.core.devices.ScanProblem;
import io.github.jkmod.core.kernel.KernelCalls;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jkmod devices} (the modules this machine's devices need) and {@code jkmod coldplug} (load
 * them, in parallel where the dependencies allow). Options in kmod's style: {@code -d DIR} (the
 * module tree's root, as modprobe's), {@code -S RELEASE}, {@code -C CONFIG} (repeatable),
 * {@code -b}, {@code --sysfs DIR} (default {@code /sys} under the run's root), {@code --json},
 * {@code -h}, {@code -V}, {@code --profile=}; {@code devices --needed}; {@code coldplug -j N} (default:
 * the number of processors), {@code -n, --dry-run} and {@code --settle} (look at the devices again after
 * loading, for those that appeared). Exit status 0, or 1 for a usage error, a
 * failure to read the tree or the indexes, or (coldplug) a module that failed or was skipped.
 */
public final class DevicesTool {
    /** The name {@code jkmod devices} answers to. */
    public static final String DEVICES = "devices";
    /** The name {@code jkmod coldplug} answers to. */
    public static final String COLDPLUG = "coldplug";

    /** {@code --settle}: the most passes over the devices. */
    static final int SETTLE_ROUNDS = 10;
    /** {@code --settle}: how long the device tree must stay unchanged before the next pass. */
    static final java.time.Duration SETTLE_QUIET = java.time.Duration.ofSeconds(2);

    private DevicesTool() {
    }

    /**
     * Runs {@code devices} or {@code coldplug} (by the base name of {@code argv0}) on the real kernel.
     *
     * @param argv0 the program as invoked, {@code devices} or {@code coldplug}
     * @param args the arguments after it
     * @param run streams, environment and root
     * @return the exit status
     */
    public static int run(String argv0, List<String> args, ToolRun run) {
        return run(argv0, args, run, KernelCalls.system());
    }

    /**
     * Runs {@code devices} or {@code coldplug} with {@code kernel} (a fake kernel in tests).
     *
     * @param argv0 the program as invoked, {@code devices} or {@code coldplug}
     * @param args the arguments after it
     * @param run streams, environment and root
     * @param kernel the system calls coldplug loads with
     * @return the exit status
     */
    public static int run(String argv0, List<String> args, ToolRun run, KernelCalls kernel) {
        String name = ToolRun.baseName(argv0);
        boolean coldplug = name.equals(COLDPLUG);
        String program = "jkmod " + name;
        KmodProfile profile;
        try {
            profile = run.profile(program);
        } catch (ToolUsageException e) {
            return run.fail(e.text());
        }
        List<Path> configs = new ArrayList<>();
        String dirname = null;
        String release = null;
        String sysfs = null;
        boolean blacklist = false;
        boolean needed = false;
        boolean json = false;
        boolean dryRun = false;
        boolean settle = false;
        int jobs = Runtime.getRuntime().availableProcessors();
        ToolAccess getopt = ToolAccess.devicesParser(argv0, args, coldplug);
        try {
            for (ToolAccess.Event e = getopt.next(); e != null; e = getopt.next()) {
                if (e.failure() != null) {
                    return run.fail(e.failure() + usageHint(program));
                }
                switch (e.opt()) {
                    case CONFIG -> configs.add(path(e.argument()));
                    case DIRNAME -> dirname = e.argument();
                    case SET_VERSION -> release = e.argument();
                    case SYSFS -> sysfs = e.argument();
                    case USE_BLACKLIST -> blacklist = true;
                    case NEEDED -> needed = true;
                    case JSON -> json = true;
                    case DRY_RUN -> dryRun = true;
                    case SETTLE -> settle = true;
                    case JOBS -> jobs = jobs(program, e.argument());
                    case PROFILE -> profile = ToolRun.profile(program, "profile value", e.argument());
                    case HELP -> {
                        return run.print(help(name));
                    }
                    case VERSION -> {
                        return run.print(ToolAccess.versionText(profile));
                    }
                    default -> throw new IllegalStateException("unexpected option " + e.opt());
                }
            }
        } catch (ToolUsageException x) {
            return run.fail(x.text());
        }
        if (!getopt.operands().isEmpty()) {
            return run.fail(program + ": ERROR: unexpected argument '" + getopt.operands().get(0) + "'\n"
                    + usageHint(program));
        }
        try {
            Path sysfsRoot = sysfs == null ? run.root().resolve("sys") : path(sysfs);
            KmodContext.Builder builder = KmodContext.builder().root(run.root()).profile(profile).logWarnings(false);
            if (dirname != null) {
                builder.moduleRoot(path(dirname));
            }
            if (release != null) {
                builder.release(release);
            }
            if (!configs.isEmpty()) {
                builder.configPaths(configs);
            }
            KmodContext context = builder.build();
            for (ContextWarning w : context.warnings()) {
                if (w.path().equals(context.moduleDirectory().path())) {
                    return run.fail(program + ": ERROR: " + w.message() + "\n");
                }
                run.err().print(program + ": WARNING: " + w.message() + "\n");
            }
            HostDevices host = HostDevices.of(context, sysfsRoot)
                    .withBlacklist(blacklist ? ProbeFlags.BlacklistMode.ALL : ProbeFlags.BlacklistMode.ALIAS_ONLY);
            DeviceReport report = host.report();
            for (ScanProblem p : report.problems()) {
                run.err().print(program + ": WARNING: cannot read " + p.file() + ": " + p.reason() + "\n");
            }
            String directory = context.moduleDirectory().path().toString();
            if (!coldplug) {
                if (needed) {
                    NeededModules list = host.needed(report);
                    return run.print(json ? JsonText.of(DeviceViews.neededJson(sysfsRoot.toString(), directory, list))
                            : DeviceViews.neededText(list));
                }
                return run.print(json ? JsonText.of(DeviceViews.reportJson(sysfsRoot.toString(), directory, report))
                        : DeviceViews.reportText(report));
            }
            Coldplug coldplugger = Coldplug.builder(context, kernel).threads(jobs).dryRun(dryRun).build();
            ColdplugReport done = settle ? coldplugger.runUntilSettled(host, SETTLE_ROUNDS, SETTLE_QUIET)
                    : coldplugger.run(host.needed(report));
            run.print(json ? JsonText.of(DeviceViews.coldplugJson(done, dryRun))
                    : dryRun ? DeviceViews.wavesText(done) : DeviceViews.coldplugText(done));
            return done.succeeded() ? 0 : 1;
        } catch (KmodException e) {
            return run.fail(program + ": ERROR: " + e.getMessage() + "\n");
        } catch (InvalidPathException e) {
            return run.fail(program + ": ERROR: invalid path '" + e.getInput() + "': " + e.getReason() + "\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.fail(program + ": ERROR: interrupted\n");
        }
    }

    private static Path path(String raw) {
        return ToolAccess.path(raw);
    }

    private static int jobs(String program, String value) throws ToolUsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new ToolUsageException(program + ": ERROR: invalid number of jobs '" + value
                + "' (expected a whole number, 1 or more)\n");
    }

    private static String usageHint(String program) {
        return program + ": ERROR: see '" + program + " -h'\n";
    }

    /** The {@code -h} text. */
    static String help(String name) {
        boolean coldplug = name.equals(COLDPLUG);
        return "Usage:\n"
                + (coldplug ? "\tjkmod coldplug [options]\n" : "\tjkmod devices [options]\n")
                + (coldplug
                        ? "Loads the modules this machine's devices need (what 'jkmod devices --needed' lists),\n"
                        + "in parallel where their dependencies allow.\n"
                        : "Lists the devices that have a modalias, with the modules it resolves to\n"
                        + "(as 'modprobe -R MODALIAS' names them).\n")
                + "Options:\n"
                + "\t-d, --dirname=DIR          use DIR as the root of the module tree (DIR/lib/modules)\n"
                + "\t-S, --set-version=VERSION  use VERSION instead of the running kernel's release\n"
                + "\t-C, --config=FILE          use FILE instead of the default configuration directories\n"
                + "\t-b, --use-blacklist        apply the blacklist to modules named directly too (modprobe -b)\n"
                + "\t    --sysfs=DIR            read the devices of DIR/devices (default /sys)\n"
                + (coldplug
                        ? "\t-j, --jobs=N               load on at most N threads (default: the number of processors)\n"
                        + "\t-n, --dry-run              load nothing: print the waves of modules that would be loaded\n"
                        + "\t    --settle               after loading, wait until no device appears for 2 s and load what\n"
                        + "\t                           the new devices need; again (at most 10 passes)\n"
                        : "\t    --needed               print the modules to load, each once, in load order\n"
                        + "\t                           (with their dependencies and softdeps; builtin ones left out)\n")
                + "\t    --json                 print JSON\n"
                + "\t-V, --version              show version\n"
                + "\t-h, --help                 show this help\n";
    }
}
