package io.github.jkmod.cli.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jkmod.cli.common.ToolHarness;
import io.github.jkmod.core.devices.DeviceHost;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.sysfs.ModuleState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jkmod devices} and {@code coldplug} on the fake host of {@link DeviceHost} (a module tree
 * and a fake sysfs under one root). Which modules each modalias names, and the load list, are
 * compared with the real modprobe of the oracle on the same module tree and configuration
 * ({@code -R}, {@code --show-depends}); the sysfs side (paths, subsystems, drivers), which modprobe
 * cannot see, is the fixture's.
 */
class DevicesToolTest {
    @TempDir
    Path root;

    private DeviceHost host;
    private FakeKernel kernel;
    private List<String> moduleOptions;

    @BeforeEach
    void setUp() throws Exception {
        host = new DeviceHost(root);
        kernel = FakeKernel.on(host.tree);
        moduleOptions = List.of("-d", root.toString(), "-S", DeviceHost.RELEASE,
                "-C", root.resolve("etc/modprobe.d").toString());
    }

    private ToolHarness.Outcome devices(String... extra) {
        List<String> args = new ArrayList<>(moduleOptions);
        args.addAll(List.of(extra));
        return DeviceRuns.jkmod(root, kernel, "devices", args);
    }

    private ToolHarness.Outcome coldplug(String... extra) {
        List<String> args = new ArrayList<>(moduleOptions);
        args.addAll(List.of(extra));
        return DeviceRuns.jkmod(root, kernel, "coldplug", args);
    }

    @Test
    void jsonNamesForEachDeviceWhatModprobeResolvesItTo() {
        ToolHarness.Outcome o = devices("--json");
        assertEquals(0, o.status(), o.toString());
        assertEquals("", o.stderr());
        JsonNode top = DeviceRuns.parse(o.stdout());
        assertEquals(root.resolve("sys").toString(), top.get("sysfs").asText());
        assertEquals(9, top.get("devices").size());
        for (JsonNode d : top.get("devices")) {
            ToolHarness.Outcome real = DeviceRuns.resolve(moduleOptions, d.get("modalias").asText());
            List<String> names = new ArrayList<>();
            d.get("modules").forEach(m -> names.add(m.get("name").asText()));
            String expected = real.stdout().isEmpty() ? "" : real.stdout();
            assertEquals(expected, names.isEmpty() ? "" : String.join("\n", names) + "\n", d.toString());
            assertEquals(names.isEmpty() ? 1 : 0, real.status(), real.toString());
        }
        JsonNode nic = top.get("devices").get(1);
        assertEquals("devices/pci0000:00/0000:00:03.0", nic.get("path").asText());
        assertEquals("pci", nic.get("subsystem").asText());
        assertEquals("a_nic", nic.get("driver").asText());
        assertTrue(top.get("devices").get(2).get("driver").isNull());
        assertEquals("blacklisted", top.get("devices").get(3).get("modules").get(0).get("status").asText());
        assertEquals("builtin", top.get("devices").get(4).get("modules").get(0).get("status").asText());
    }

    @Test
    void textHasOneLinePerDeviceWithTheSameContent() {
        ToolHarness.Outcome o = devices();
        assertEquals(0, o.status(), o.toString());
        String[] lines = o.stdout().split("\n");
        assertEquals(9, lines.length, o.stdout());
        assertEquals("devices/pci0000:00/0000:00:03.0 subsystem=pci driver=a_nic modalias=" + DeviceHost.NIC
                + " modules=a_nic", lines[1]);
        assertTrue(lines[3].endsWith(" modules=black(blacklisted)"), lines[3]);
        assertTrue(lines[4].endsWith(" modules=builtin_x(builtin)"), lines[4]);
        assertTrue(lines[7].endsWith(" modules=b_disk,c_snd"), lines[7]);
        assertTrue(lines[0].endsWith(" modules=-"), lines[0]);
    }

    @Test
    void neededIsModprobesShowDependsOfEveryModaliasEachModuleOnce() {
        ToolHarness.Outcome o = devices("--needed");
        assertEquals(0, o.status(), o.toString());
        List<String> modaliases = new ArrayList<>(new LinkedHashSet<>(modaliasesOf(DeviceRuns.parse(devices("--json").stdout()))));
        List<String> expected = DeviceRuns.showDependsList(moduleOptions, modaliases);
        assertEquals(String.join("\n", expected) + "\n", o.stdout());
        JsonNode json = DeviceRuns.parse(devices("--needed", "--json").stdout());
        List<String> names = new ArrayList<>();
        json.get("modules").forEach(m -> names.add(m.get("name").asText()));
        assertEquals(expected, names);
        assertEquals("builtin_x", json.get("builtin").get(0).asText());
        JsonNode nic = json.get("modules").get(2);
        assertEquals("a_nic", nic.get("name").asText());
        assertEquals("insert", nic.get("action").asText());
        assertEquals("debug=1", nic.get("options").get(0).asText());
        assertEquals(List.of("a_base", "a_mid"), List.of(nic.get("dependencies").get(0).asText(),
                nic.get("dependencies").get(1).asText()));
    }

    private static List<String> modaliasesOf(JsonNode report) {
        List<String> out = new ArrayList<>();
        report.get("devices").forEach(d -> out.add(d.get("modalias").asText()));
        return out;
    }

    @Test
    void jsonEscapesWhatAModaliasMayHold() {
        String odd = "pci:\"quoted\"\\back\tslash\u0001\u007f\u00e9";
        host.tree.device("odd").modalias(odd);
        JsonNode top = DeviceRuns.parse(devices("--json").stdout());
        boolean found = false;
        for (JsonNode d : top.get("devices")) {
            if (d.get("path").asText().equals("devices/odd")) {
                // the bytes read as ISO-8859-1, written back as the same characters
                assertEquals(new String(odd.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.nio.charset.StandardCharsets.ISO_8859_1), d.get("modalias").asText());
                found = true;
            }
        }
        assertTrue(found, top.toString());
    }

    @Test
    void coldplugLoadsTheNeededModulesAndSaysSo() throws Exception {
        ToolHarness.Outcome o = coldplug("-j", "2");
        assertEquals(0, o.status(), o.toString());
        List<String> expected = List.of(devices("--needed").stdout().split("\n"));
        for (String name : expected) {
            assertEquals(ModuleState.LIVE, host.context.state(name), name);
            assertTrue(o.stdout().contains("loaded " + name + " (wave "), o.stdout());
        }
        assertEquals(expected.size(), kernel.calls().size());
        ToolHarness.Outcome again = coldplug("--json");
        assertEquals(0, again.status(), again.toString());
        JsonNode json = DeviceRuns.parse(again.stdout());
        json.get("results").forEach(r -> assertEquals("in-kernel", r.get("outcome").asText(), r.toString()));
        assertEquals(expected.size(), kernel.calls().size());
    }

    @Test
    void coldplugReportsAFailureAndExitsOne() throws Exception {
        kernel.failInit("b_base", io.github.jkmod.core.kernel.Errno.EPERM);
        ToolHarness.Outcome o = coldplug();
        assertEquals(1, o.status(), o.toString());
        assertTrue(o.stdout().contains("failed b_base (wave 1): Operation not permitted\n"), o.stdout());
        assertTrue(o.stdout().contains("skipped b_disk (wave 2): dependency b_base failed\n"), o.stdout());
        assertEquals(ModuleState.LIVE, host.context.state("a_nic"));
    }

    @Test
    void coldplugSettleLoadsWhatTheNewDevicesNeedInASecondRound() throws Exception {
        kernel.onInit(module -> {
            if (module.equals("a_nic")) {
                host.tree.device(DeviceHost.CHILD_PATH).subsystem("usb").modalias(DeviceHost.CHILD);
            }
        });
        ToolHarness.Outcome o = coldplug("--settle");
        assertEquals(0, o.status(), o.toString());
        assertTrue(o.stdout().endsWith("loaded c_snd (wave 2)\nloaded d_child (wave 4, round 2)\n"), o.stdout());
        assertEquals(ModuleState.LIVE, host.context.state("d_child"));
    }

    @Test
    void coldplugDryRunPrintsTheWavesAndLoadsNothing() {
        ToolHarness.Outcome o = coldplug("--dry-run");
        assertEquals(0, o.status(), o.toString());
        assertEquals("wave 1: a_base b_base soft_pre\nwave 2: a_mid b_disk c_snd\nwave 3: a_nic\n", o.stdout());
        assertEquals(List.of(), kernel.calls());
    }

    @Test
    void usageErrorsAndBadTreesExitOneWithAMessage() {
        ToolHarness.Outcome unknown = devices("--nosuch");
        assertEquals(1, unknown.status());
        assertTrue(unknown.stderr().startsWith("devices: unrecognized option '--nosuch'\n"), unknown.stderr());
        ToolHarness.Outcome operand = devices("extra");
        assertEquals(1, operand.status());
        assertEquals("jkmod devices: ERROR: unexpected argument 'extra'\njkmod devices: ERROR: see 'jkmod devices -h'\n",
                operand.stderr());
        ToolHarness.Outcome jobs = coldplug("-j", "0");
        assertEquals(1, jobs.status());
        assertTrue(jobs.stderr().contains("invalid number of jobs '0'"), jobs.stderr());
        ToolHarness.Outcome noSys = devices("--sysfs", root.resolve("nosys").toString());
        assertEquals(1, noSys.status());
        assertEquals("jkmod devices: ERROR: " + root.resolve("nosys/devices") + ": no devices directory (is "
                + root.resolve("nosys") + " a sysfs root?)\n", noSys.stderr());
        ToolHarness.Outcome noTree = DeviceRuns.jkmod(root, kernel, "devices", List.of("-d", root.toString(), "-S", "0.0-none"));
        assertEquals(1, noTree.status());
        assertTrue(noTree.stderr().startsWith("jkmod devices: ERROR: module directory " + root.resolve("lib/modules/0.0-none")),
                noTree.stderr());
        assertEquals("", noTree.stdout());
        ToolHarness.Outcome help = devices("-h");
        assertEquals(0, help.status());
        assertTrue(help.stdout().startsWith("Usage:\n\tjkmod devices [options]\n"), help.stdout());
    }
}
