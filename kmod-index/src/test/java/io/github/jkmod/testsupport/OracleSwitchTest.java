package io.github.jkmod.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The oracle switch ({@code jkmod.oracle}) itself: its values and what it gives jmodprobe. */
class OracleSwitchTest {

    @Test
    void parsesBothNamesAndRefusesOthers() {
        assertEquals(Oracle.KMOD30, Oracle.parse("kmod30"));
        assertEquals(Oracle.KMOD34, Oracle.parse(" KMOD34 "));
        assertThrows(IllegalArgumentException.class, () -> Oracle.parse("kmod33"));
        assertEquals(Oracle.parse(System.getProperty(Oracle.PROPERTY, "kmod30")), Oracle.current());
    }

    @Test
    void theProfileGoesIntoACopyOfTheEnvironment() {
        Map<String, String> env = Map.of("PATH", "/bin");
        assertEquals(Map.of("PATH", "/bin", "JKMOD_PROFILE", "kmod34"), Oracle.KMOD34.withProfile(env));
        assertEquals(Map.of("JKMOD_PROFILE", "kmod30"), Oracle.KMOD30.withProfile(Map.of()));
        assertEquals(Map.of("PATH", "/bin"), env);
        // a test that chooses a profile itself keeps it
        assertEquals(Map.of("JKMOD_PROFILE", "kmod30"), Oracle.KMOD34.withProfile(Map.of("JKMOD_PROFILE", "kmod30")));
    }

    @Test
    void eachOracleHasItsOwnTree() {
        assertFalse(Oracle.KMOD30.treeLocation().equals(Oracle.KMOD34.treeLocation()));
        assertEquals(Oracle.current().treeLocation(), FetchedTree.location());
    }

    @Test
    void moduleFilesAreNamedWithOrWithoutCompression() {
        assertEquals("x_y", FetchedTree.moduleName("kernel/a/x-y.ko.xz"));
        assertEquals("crc16", FetchedTree.moduleName("crc16.ko"));
        assertTrue(FetchedTree.isModuleFile("a.ko.zst"));
        assertFalse(FetchedTree.isModuleFile("a.ko.bak"));
    }
}
