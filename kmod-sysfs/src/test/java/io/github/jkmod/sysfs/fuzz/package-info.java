/**
 * Coverage-guided fuzz tests (Jazzer) of the {@code proc/modules} parser. Under {@code mvn test}
 * each {@code @FuzzTest} replays its regression corpus ({@code <Class>Inputs/<method>/} in the
 * test resources); with {@code JAZZER_FUZZ=1} it fuzzes (see {@code kmod-core/src/fuzz/run-fuzz.sh}).
 */
package io.github.jkmod.sysfs.fuzz;
