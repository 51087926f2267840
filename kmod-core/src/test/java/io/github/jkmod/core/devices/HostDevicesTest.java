package io.github.jkmod.core.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.core.ProbeFlags;
import io.github.jkmod.core.ProbeStep;
import io.github.jkmod.core.devices.MatchedModule.Status;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HostDevices} on the fake host of {@link DeviceHost}. */
class HostDevicesTest {
    @TempDir
    Path root;

    private DeviceHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = new DeviceHost(root);
    }

    private static Map<String, List<MatchedModule>> byPath(DeviceReport report) {
        Map<String, List<MatchedModule>> out = new LinkedHashMap<>();
        for (DeviceModules d : report.devices()) {
            out.put(d.device().path(), d.modules());
        }
        return out;
    }

    @Test
    void reportNamesWhatModprobeResolvesWithWhatALoadWouldDo() throws Exception {
        Map<String, List<MatchedModule>> got = byPath(host.host().report());
        Map<String, List<MatchedModule>> expected = new LinkedHashMap<>();
        expected.put("devices/LNXSYSTM:00", List.of());
        expected.put("devices/pci0000:00/0000:00:03.0", List.of(new MatchedModule("a_nic", Status.MODULE)));
        expected.put("devices/pci0000:00/0000:00:04.0", List.of(new MatchedModule("b_disk", Status.MODULE)));
        expected.put("devices/pci0000:00/0000:00:05.0", List.of(new MatchedModule("black", Status.BLACKLISTED)));
        expected.put("devices/pci0000:00/0000:00:06.0", List.of(new MatchedModule("builtin_x", Status.BUILTIN)));
        expected.put("devices/pci0000:00/0000:00:07.0", List.of());
        expected.put("devices/pci0000:00/0000:00:07.0/hdaudioC0D0", List.of(new MatchedModule("c_snd", Status.MODULE)));
        expected.put("devices/platform/multi", List.of(new MatchedModule("b_disk", Status.MODULE),
                new MatchedModule("c_snd", Status.MODULE)));
        expected.put("devices/system/cpu/cpu0", List.of());
        assertEquals(expected, got);
    }

    @Test
    void neededListsEachModuleOnceAfterWhatItNeeds() throws Exception {
        NeededModules needed = host.host().needed();
        assertEquals(List.of("a_base", "a_mid", "a_nic", "b_base", "b_disk", "soft_pre", "c_snd"),
                needed.modules().stream().map(NeededModule::name).toList());
        assertEquals(List.of("builtin_x"), needed.builtin());
        NeededModule nic = needed.modules().get(2);
        assertEquals(List.of("a_base", "a_mid"), nic.dependencies());
        assertEquals(List.of(), nic.softPredecessors());
        assertEquals(ProbeStep.Action.INSERT, nic.step().action());
        assertEquals(List.of("debug=1"), nic.step().options());
        NeededModule snd = needed.modules().get(6);
        assertEquals(List.of(), snd.dependencies());
        assertEquals(List.of("soft_pre"), snd.softPredecessors());
    }

    @Test
    void useBlacklistChangesNothingForModaliasesWhichAreAliases() throws Exception {
        HostDevices all = host.host().withBlacklist(ProbeFlags.BlacklistMode.ALL);
        assertEquals(host.host().report(), all.report());
        assertEquals(host.host().needed(), all.needed());
    }
}
