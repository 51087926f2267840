package io.github.jkmod.cli.kmod;

import io.github.jkmod.KmodException;
import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.OutputFile;
import io.github.jkmod.cli.common.SystemErrors;
import io.github.jkmod.cli.common.ToolRun;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.nodes.StaticNode;
import io.github.jkmod.core.nodes.StaticNodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code kmod static-nodes [-f human|tmpfiles|devname] [-o FILE]}: the device nodes of the running
 * kernel's {@code /lib/modules/RELEASE/modules.devname}, read under {@link ToolRun#root()} (the
 * release from {@code ROOT/proc/sys/kernel/osrelease}, else the JVM's {@code os.version}, which is
 * {@code uname -r}), with kmod's messages and exit statuses (the same in kmod 30 and 34.2):
 * <ul>
 * <li>no {@code modules.devname}: {@code Warning: ... not found - ignoring}, exit 0, no output file;</li>
 * <li>one that cannot be opened: {@code Error: could not open ... - REASON}, exit 1;</li>
 * <li>an invalid line: {@code Error: invalid devname entry: LINE}, the other lines still written, exit 1;</li>
 * <li>{@code -o FILE}: its missing parent directories are created (mode 0755) as kmod's
 * {@code mkdir_parents} does, with its messages; the file is written whole: all of it is
 * built first, then written to a new file beside it and renamed over it (a device or FIFO is
 * written directly).</li>
 * </ul>
 * Options stop at the first operand, and operands are ignored, as in kmod, whose getopt keeps the
 * {@code +} ordering of {@code kmod}'s own options.
 */
final class StaticNodesCommand {

    private StaticNodesCommand() {
    }

    /**
     * Runs the command.
     *
     * @param getoptName the name getopt's messages start with (kmod's {@code argv[1]}: the command's
     *     name, or {@code --} after {@code kmod --})
     * @param programName the program's base name, which the help text shows
     * @param args the arguments after the command's name
     * @param run streams and root
     * @return the exit status, 0 or 1
     */
    static int run(String getoptName, String programName, List<String> args, ToolRun run) {
        NodeFormat format = NodeFormat.HUMAN;
        String output = null;
        ToolAccess getopt = ToolAccess.staticNodesParser(getoptName, args);
        for (ToolAccess.Event e = getopt.next(); e != null; e = getopt.next()) {
            if (e.failure() != null) {
                return run.fail(e.failure());
            }
            switch (e.opt()) {
                case OUTPUT:
                    output = e.argument();
                    break;
                case FORMAT:
                    Optional<NodeFormat> f = NodeFormat.named(e.argument());
                    if (f.isEmpty()) {
                        run.err().print("Unknown format: '" + e.argument() + "'.\n");
                        run.err().flush();
                        run.print(help(programName));
                        return 1;
                    }
                    format = f.get();
                    break;
                case HELP:
                    return run.print(help(programName));
                default:
                    break;
            }
        }
        String release = release(run.root());
        String shown = "/lib/modules/" + release + "/modules.devname";
        Path file = run.root().resolve("lib/modules/" + release + "/modules.devname");
        byte[] bytes;
        try {
            // kmod's fopen of a directory succeeds and its first read fails: no lines
            bytes = Files.isDirectory(file) ? new byte[0] : StaticNodes.readBytes(file);
        } catch (NoSuchFileException e) {
            run.err().print("Warning: " + shown + " not found - ignoring\n");
            run.err().flush();
            return 0;
        } catch (IOException e) {
            return run.fail("Error: could not open " + shown + " - " + SystemErrors.text(e) + "\n");
        }
        OutputFile target = null;
        if (output != null) {
            Optional<String> parentError = ParentDirectories.create(output);
            if (parentError.isPresent()) {
                return run.fail("Error: could not create parent directory for " + output + " - "
                        + parentError.get() + ".\n");
            }
            try {
                target = OutputFile.open(output);
            } catch (IOException e) {
                return run.fail("Error: could not create " + output + " - " + SystemErrors.text(e) + "\n");
            }
        }
        StringBuilder out = new StringBuilder();
        int status = 0;
        for (String line : FgetsLines.split(bytes)) {
            if (StaticNodes.isComment(line)) {
                continue;
            }
            Optional<StaticNode> node = StaticNodes.parseEntry(line);
            if (node.isEmpty()) {
                int nul = line.indexOf('\0');
                run.err().print("Error: invalid devname entry: " + (nul < 0 ? line : line.substring(0, nul)));
                run.err().flush();
                status = 1;
                continue;
            }
            format.write(out, node.get());
        }
        if (target == null) {
            run.out().print(out);
            run.out().flush();
            return status;
        }
        try {
            target.write(out.toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return run.fail("Error: could not write " + output + " - " + SystemErrors.text(e) + "\n");
        }
        return status;
    }

    /** The running kernel's release under {@code root}, else this JVM's kernel's ({@code uname -r}). */
    private static String release(Path root) {
        try {
            return KmodContext.runningRelease(root);
        } catch (KmodException e) {
            return System.getProperty("os.version");
        }
    }

    /** kmod's {@code static-nodes -h} text, naming {@code programName}. */
    static String help(String programName) {
        StringBuilder b = new StringBuilder("Usage:\n\t").append(programName).append(" static-nodes [options]\n")
                .append("\n")
                .append("kmod static-nodes outputs the static-node information of the currently running kernel.\n")
                .append("\n")
                .append("Options:\n")
                .append("\t-f, --format=FORMAT  choose format to use: see \"Formats\"\n")
                .append("\t-o, --output=FILE    write output to file\n")
                .append("\t-h, --help           show this help\n")
                .append("\n")
                .append("Formats:\n");
        for (NodeFormat f : NodeFormat.values()) {
            b.append(f.helpLine());
        }
        return b.toString();
    }
}
