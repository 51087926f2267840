package io.github.jkmod.cli.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.jkmod.cli.common.ToolHarness;
import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.testsupport.Oracle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs of {@code jkmod devices} and {@code coldplug} in this JVM, and of the real modprobe to compare. */
final class DeviceRuns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeviceRuns() {
    }

    /** {@code jkmod TOOL ARGS} ({@code devices} or {@code coldplug}) under {@code root}, with the oracle's profile. */
    static ToolHarness.Outcome jkmod(Path root, KernelCalls kernel, String tool, List<String> args) {
        return ToolHarness.jkmod(run -> DevicesTool.run(tool, args, run, kernel), root,
                Oracle.current().withProfile(Map.of()), SyslogSink.DISCARD);
    }

    /** Parses {@code text} with a real JSON parser (Jackson); a syntax error fails the test. */
    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** The real modprobe of the oracle: {@code modprobe -R MODALIAS} and options, its output lines. */
    static ToolHarness.Outcome resolve(List<String> options, String modalias) {
        List<String> args = new ArrayList<>(options);
        args.add("-R");
        args.add(modalias);
        return ToolHarness.real(Oracle.current().modprobe(), args);
    }

    /**
     * The load list the real modprobe gives for these modaliases: for each, in order, the modules of
     * {@code modprobe --show-depends MODALIAS} ({@code insmod} and {@code install} lines; blacklisted
     * aliases print nothing), each module kept at its first place.
     */
    static List<String> showDependsList(List<String> options, List<String> modaliases) {
        Set<String> out = new LinkedHashSet<>();
        for (String alias : modaliases) {
            List<String> args = new ArrayList<>(options);
            args.add("--show-depends");
            args.add(alias);
            ToolHarness.Outcome o = ToolHarness.real(Oracle.current().modprobe(), args);
            for (String line : o.stdout().split("\n")) {
                String[] words = line.split(" ");
                if (words[0].equals("insmod")) {
                    out.add(moduleName(words[1]));
                } else if (words[0].equals("install")) {
                    out.add(line.substring(line.lastIndexOf(' ') + 1)); // not reached on these trees
                }
            }
        }
        return List.copyOf(out);
    }

    private static String moduleName(String file) {
        String base = file.substring(file.lastIndexOf('/') + 1);
        return base.substring(0, base.indexOf('.')).replace('-', '_');
    }
}
