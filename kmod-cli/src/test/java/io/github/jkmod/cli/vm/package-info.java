/**
 * The VM integration test of {@code jmodprobe}: boots a real Debian kernel under QEMU with the
 * harness in {@code kmod-cli/src/it/vm/} and checks the scenarios' summary lines. Runs only with
 * {@code -Djkmod.vm=true}.
 */
package io.github.jkmod.cli.vm;
