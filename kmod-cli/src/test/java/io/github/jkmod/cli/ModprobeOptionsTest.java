package io.github.jkmod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Derived values of {@link ModprobeOptions}; parameter joining as observed with {@code modprobe -D}. */
class ModprobeOptionsTest {

    private static String params(String... operands) {
        return ModprobeOptions.builder().operands(List.of(operands)).build().moduleParameters();
    }

    @Test
    void joinsParametersLikeModprobe() {
        assertEquals("", params("ext4"));
        assertEquals("a=\"b c\" d='e f' g=\"h i ", params("ext4", "a=b c", "d='e f'", "g=\"h", "i", ""));
        assertEquals("a=\"b c\"   x", params("dummy", "a=b c", "", "", "x"));
        assertEquals("a", params("dummy", "", "a"));
        assertEquals("b  c", params("dummy", "b", "", "c"));
        assertEquals("i j k=\"l=m n\"", params("dummy", "i j", "k=l=m n"));
        assertEquals("", ModprobeOptions.builder().all(true).operands(List.of("a", "b=c d")).build()
                .moduleParameters());
    }

    @Test
    void moduleNames() {
        assertEquals(List.of("a"), ModprobeOptions.builder().operands(List.of("a", "b")).build()
                .moduleNames());
        assertEquals(List.of("a", "b"), ModprobeOptions.builder().all(true)
                .operands(List.of("a", "b")).build().moduleNames());
        assertEquals(List.of(), ModprobeOptions.builder().build().moduleNames());
    }

    @Test
    void actionPrecedenceIsKmods() {
        ModprobeOptions.Builder b = ModprobeOptions.builder().remove(true);
        assertEquals(ModprobeAction.REMOVE, b.build().action());
        assertEquals(ModprobeAction.SHOW_EXPORTS, b.showExports(true).build().action());
        assertEquals(ModprobeAction.SHOW_MODVERSIONS, b.showModversions(true).build().action());
        assertEquals(ModprobeAction.SHOW_CONFIG, b.showConfig(true).build().action());
        assertEquals(ModprobeAction.INSERT, ModprobeOptions.builder().showDepends(true).build().action());
    }

    @Test
    void moduleDirectoryIsBuiltLikeKmod() {
        assertEquals("/lib/modules/6.1", ModprobeOptions.builder().build().moduleDirectory("6.1"));
        assertEquals("foo//lib/modules/6.1", ModprobeOptions.builder().root("foo/").build()
                .moduleDirectory("6.1"));
        assertEquals("/lib/modules/x", ModprobeOptions.builder().root("").kernelVersion("x").build()
                .moduleDirectory("6.1"));
    }

    @Test
    void dryRunAndIgnoreLoaded() {
        assertTrue(ModprobeOptions.builder().showDepends(true).build().isDryRun());
        assertTrue(ModprobeOptions.builder().showDepends(true).build().ignoreLoaded());
        assertTrue(ModprobeOptions.builder().dryRun(true).build().isDryRun());
    }

    @Test
    void isImmutableAndRoundTrips() {
        List<String> ops = new ArrayList<>(List.of("a"));
        ModprobeOptions o = ModprobeOptions.builder().operands(ops).addConfigPath("c").build();
        ops.add("b");
        assertEquals(List.of("a"), o.operands());
        assertThrows(UnsupportedOperationException.class, () -> o.configPaths().add("x"));
        assertEquals(o, o.toBuilder().build());
    }
}
