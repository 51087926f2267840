package io.github.jkmod.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Choosing a logic by name, and the numeric values of the states. */
class InitstateLogicTest {

    @ParameterizedTest
    @CsvSource({"kmod20, KMOD_20", "KMOD18, KMOD_18", "' kmod18 ', KMOD_18", "kmod_20, KMOD_20", "KMOD_18, KMOD_18"})
    void acceptsTheCliNamesAndTheConstantNames(String name, InitstateLogic expected) {
        assertEquals(expected, InitstateLogic.fromName(name));
    }

    @Test
    void refusesOtherNamesNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InitstateLogic.fromName("kmod19"));
        assertEquals("unknown initstate logic 'kmod19' (expected kmod18 or kmod20)", e.getMessage());
    }

    @Test
    void readsTheEnvironmentVariableWithKmod20AsDefault() {
        assertEquals(InitstateLogic.KMOD_20, InitstateLogic.fromEnvironment(Map.of()));
        assertEquals(InitstateLogic.KMOD_20, InitstateLogic.fromEnvironment(Map.of("JKMOD_INITSTATE_LOGIC", "")));
        assertEquals(InitstateLogic.KMOD_18, InitstateLogic.fromEnvironment(Map.of("JKMOD_INITSTATE_LOGIC", "kmod18")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InitstateLogic.fromEnvironment(Map.of("JKMOD_INITSTATE_LOGIC", "old")));
        assertEquals("JKMOD_INITSTATE_LOGIC: unknown initstate logic 'old' (expected kmod18 or kmod20)", e.getMessage());
        assertEquals("kmod18", InitstateLogic.KMOD_18.cliName());
    }

    @Test
    void statesHaveLibkmodsValues() {
        assertEquals(0, ModuleState.BUILTIN.code());
        assertEquals(1, ModuleState.LIVE.code());
        assertEquals(2, ModuleState.COMING.code());
        assertEquals(3, ModuleState.GOING.code());
        assertEquals(-2, ModuleState.NOT_LOADED.code());
        assertEquals(Optional.of(ModuleState.GOING), ModuleState.fromInitstate("going"));
        assertEquals(Optional.empty(), ModuleState.fromInitstate("builtin"));
    }
}
