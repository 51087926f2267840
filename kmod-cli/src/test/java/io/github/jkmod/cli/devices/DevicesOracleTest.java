package io.github.jkmod.cli.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jkmod.cli.common.ToolHarness;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.testsupport.FetchedTree;
import io.github.jkmod.testsupport.Oracle;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code jkmod devices} on this machine's own {@code /sys} (a kernel without module support, whose
 * devices still have modaliases) with the oracle's real Debian module tree as {@code -d}: for every
 * device with a modalias, the modules it names are those the real {@code modprobe -R MODALIAS -d
 * ROOT -S RELEASE} prints (same configuration: the machine's default directories), and
 * {@code --needed} is the real {@code modprobe --show-depends} of every modalias, each module once.
 * Runs against kmod 30 with the Debian 12 tree and against kmod 34.2 with the Debian 13 tree.
 */
class DevicesOracleTest {
    private static final Path SYS = Path.of("/sys");

    private FetchedTree tree;
    private List<String> moduleOptions;

    @BeforeEach
    void setUp() throws IOException {
        tree = FetchedTree.require();
        Prerequisites.require(Oracle.current().findTool("modprobe").isPresent(), "the real modprobe of " + Oracle.current());
        try (Stream<Path> files = Files.walk(SYS.resolve("devices"))) {
            Prerequisites.require(files.anyMatch(p -> p.getFileName().toString().equals("modalias")),
                    "a /sys/devices with modalias files");
        }
        moduleOptions = List.of("-d", tree.root().toString(), "-S", tree.release());
    }

    private JsonNode report(String... extra) {
        List<String> args = new ArrayList<>(moduleOptions);
        args.addAll(List.of("--sysfs", SYS.toString(), "--json"));
        args.addAll(List.of(extra));
        ToolHarness.Outcome o = DeviceRuns.jkmod(Path.of("/"), KernelCalls.system(), "devices", args);
        assertEquals(0, o.status(), o.toString());
        return DeviceRuns.parse(o.stdout());
    }

    @Test
    void everyDeviceNamesTheModulesModprobeResolvesItsModaliasTo() {
        JsonNode top = report();
        int compared = 0;
        for (JsonNode d : top.get("devices")) {
            ToolHarness.Outcome real = DeviceRuns.resolve(moduleOptions, d.get("modalias").asText());
            StringBuilder names = new StringBuilder();
            d.get("modules").forEach(m -> names.append(m.get("name").asText()).append('\n'));
            assertEquals(real.stdout(), names.toString(), d.get("path").asText() + " " + d.get("modalias").asText());
            assertEquals(names.length() == 0 ? 1 : 0, real.status(), real.toString());
            compared++;
        }
        Prerequisites.require(compared > 0, "devices with a modalias under /sys");
        assertEquals(0, top.get("problems").size(), top.get("problems").toString());
    }

    @Test
    void neededIsModprobesShowDependsOfEveryModalias() {
        List<String> modaliases = new ArrayList<>();
        report().get("devices").forEach(d -> modaliases.add(d.get("modalias").asText()));
        List<String> expected = DeviceRuns.showDependsList(moduleOptions, List.copyOf(new LinkedHashSet<>(modaliases)));
        List<String> got = new ArrayList<>();
        report("--needed").get("modules").forEach(m -> got.add(m.get("name").asText()));
        assertEquals(expected, got);
    }
}
