package io.github.jkmod.cli.modinfo;

import io.github.jkmod.KmodException;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.cli.common.ToolUsageException;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.modinfo.ModinfoPrinter;
import io.github.jkmod.core.modinfo.ModuleFile;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code modinfo}: options {@code -a -d -l -p -n -0 -m -F -k -b -V -h} (and their long names, and
 * jkmod's {@code --profile}), then each argument in turn: a module file (its name ends with
 * {@code .ko}, {@code .ko.xz} or {@code .ko.zst} and it is a regular file), else, with {@code -m},
 * a module name, else a name or alias looked up as libkmod does, without any configuration
 * directory (as kmod's modinfo creates its context), in {@code ROOT/lib/modules/RELEASE}
 * ({@code -b ROOT}, {@code -k RELEASE}; by default the run's root and the running kernel). An
 * argument that fails is reported and the others are still shown; the exit status is then 1.
 */
public final class ModinfoTool {
    /** PATH_MAX: kmod 34 refuses a module directory path this long or longer. */
    private static final int PATH_MAX = 4096;

    private ModinfoTool() {
    }

    /**
     * Runs {@code modinfo}.
     *
     * @param argv0 the program as invoked (getopt's messages start with it)
     * @param args the arguments after {@code argv0}
     * @param run streams, environment, root and syslog
     * @return the exit status, 0 or 1
     */
    public static int run(String argv0, List<String> args, ToolRun run) {
        String programName = ToolRun.baseName(argv0);
        KmodProfile profile;
        try {
            profile = run.profile(programName);
        } catch (ToolUsageException e) {
            return run.fail(e.text());
        }
        ModinfoPrinter printer = ModinfoPrinter.allFields();
        boolean nul = false;
        boolean byName = false;
        String release = null;
        String basedir = null;
        ToolAccess getopt = ToolAccess.modinfoParser(argv0, args, run.env().containsKey("POSIXLY_CORRECT"));
        for (ToolAccess.Event e = getopt.next(); e != null; e = getopt.next()) {
            if (e.failure() != null) {
                return run.fail(e.failure());
            }
            switch (e.opt()) {
                case AUTHOR:
                    printer = ModinfoPrinter.onlyField("author");
                    break;
                case DESCRIPTION:
                    printer = ModinfoPrinter.onlyField("description");
                    break;
                case LICENSE:
                    printer = ModinfoPrinter.onlyField("license");
                    break;
                case PARAMETERS:
                    printer = ModinfoPrinter.onlyField("parm");
                    break;
                case FILENAME:
                    printer = ModinfoPrinter.onlyField("filename");
                    break;
                case FIELD:
                    printer = ModinfoPrinter.onlyField(e.argument());
                    break;
                case NULL_SEPARATOR:
                    nul = true;
                    break;
                case MODNAME:
                    byName = true;
                    break;
                case SET_VERSION:
                    release = e.argument();
                    break;
                case BASEDIR:
                    basedir = e.argument();
                    break;
                case HELP:
                    return run.print(help(programName));
                case VERSION:
                    return run.print(ToolAccess.versionText(profile));
                case PROFILE:
                    try {
                        profile = ToolRun.profile(programName, "profile value", e.argument());
                    } catch (ToolUsageException x) {
                        return run.fail(x.text());
                    }
                    break;
                default:
                    break;
            }
        }
        List<String> operands = getopt.operands();
        ModinfoReport report = new ModinfoReport(programName, profile, run);
        if (operands.isEmpty()) {
            report.error("missing module or filename.");
            return 1;
        }
        String dirname;
        if (basedir != null || release != null) {
            String root = basedir == null ? "" : basedir;
            String kversion = release == null ? uname(run.root()) : release;
            dirname = root + "/lib/modules/" + kversion;
            if (profile != KmodProfile.KMOD_30 && dirname.length() >= PATH_MAX) {
                report.error("bad directory " + dirname + ": path too long");
                return 1;
            }
            if (dirname.length() >= PATH_MAX) {
                dirname = dirname.substring(0, PATH_MAX - 1); // kmod 30's snprintf cuts it
            }
            dirname = absolute(dirname);
            // libkmod goes on without the configuration files it cannot name (kmod 34: also modules.weakdep)
            for (String file : profile.weakdeps() ? List.of("modules.softdep", "modules.weakdep")
                    : List.of("modules.softdep")) {
                String path = dirname + "/" + file;
                if (path.length() >= PATH_MAX) {
                    report.libkmod("../libkmod/libkmod-config.c:936 kmod_config_new",
                            "Error parsing " + path + ": path too long");
                }
            }
        } else {
            String root = run.root().toString();
            dirname = (root.equals("/") ? "" : root) + "/lib/modules/" + uname(run.root());
        }
        if (nul) {
            printer = printer.nulSeparated();
        }
        report.use(printer.withProfile(profile), dirname, context(dirname, profile, run));
        int status = 0;
        for (String arg : operands) {
            boolean ok;
            if (byName) {
                ok = report.name(arg);
            } else if (isModuleFile(arg)) {
                ok = report.file(arg, absolute(arg));
            } else {
                ok = report.alias(arg);
            }
            if (!ok) {
                status = 1;
            }
        }
        run.out().flush();
        return status;
    }

    /** The context of {@code dirname}, with no configuration; null when it cannot be made. */
    private static KmodContext context(String dirname, KmodProfile profile, ToolRun run) {
        try {
            Path dir = ToolAccess.path(dirname);
            Path parent = dir.getParent();
            Path grand = parent == null ? null : parent.getParent();
            Path top = grand == null ? null : grand.getParent();
            if (top == null || dir.getFileName() == null) {
                return null;
            }
            return KmodContext.builder().root(run.root()).moduleRoot(top).release(dir.getFileName().toString())
                    .profile(profile).configPaths(List.of()).logWarnings(false)
                    // one command, then exit: no stamps of the index files
                    .watchResources(false).build();
        } catch (KmodException | InvalidPathException e) {
            return null;
        }
    }

    /** libkmod's test for a module file: a module file's suffix, and a regular file (links followed). */
    private static boolean isModuleFile(String arg) {
        if (!ModuleFile.hasModuleSuffix(arg)) {
            return false;
        }
        try {
            return Files.isRegularFile(ToolAccess.path(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** {@code path} made absolute as libkmod does: the working directory, a slash, the path; nothing normalised. */
    static String absolute(String path) {
        if (path.startsWith("/")) {
            return path;
        }
        String cwd = System.getProperty("user.dir");
        return (cwd.endsWith("/") ? cwd : cwd + "/") + path;
    }

    /** The running kernel's release under {@code root}, else this machine's, else empty. */
    private static String uname(Path root) {
        try {
            return KmodContext.runningRelease(root);
        } catch (KmodException e) {
            try {
                return KmodContext.runningRelease(Path.of("/"));
            } catch (KmodException x) {
                return "";
            }
        }
    }

    /** kmod's {@code -h} text, naming {@code programName}. */
    static String help(String programName) {
        return "Usage:\n"
                + "\t" + programName + " [options] <modulename|filename> [args]\n"
                + "Options:\n"
                + "\t-a, --author                Print only 'author'\n"
                + "\t-d, --description           Print only 'description'\n"
                + "\t-l, --license               Print only 'license'\n"
                + "\t-p, --parameters            Print only 'parm'\n"
                + "\t-n, --filename              Print only 'filename'\n"
                + "\t-0, --null                  Use \\0 instead of \\n\n"
                + "\t-m, --modname               Handle argument as module name instead of alias or filename\n"
                + "\t-F, --field=FIELD           Print only provided FIELD\n"
                + "\t-k, --set-version=VERSION   Use VERSION instead of `uname -r`\n"
                + "\t-b, --basedir=DIR           Use DIR as filesystem root for /lib/modules\n"
                + "\t-V, --version               Show version\n"
                + "\t-h, --help                  Show this help\n";
    }
}
