/**
 * Coverage-guided fuzz test (Jazzer) of the {@code modules.devname} reader. Under {@code mvn test}
 * the {@code @FuzzTest} replays its regression corpus ({@code <Class>Inputs/<method>/} in the test
 * resources); with {@code JAZZER_FUZZ=1} it fuzzes (see {@code kmod-core/src/fuzz/run-fuzz.sh}).
 */
package io.github.jkmod.core.nodes.fuzz;
