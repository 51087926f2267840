/**
 * {@code jmodprobe}, the command-line front end: a byte-for-byte copy of kmod's {@code modprobe}
 * option parser ({@link io.github.jkmod.cli.OptionParser}, producing
 * {@link io.github.jkmod.cli.ModprobeOptions}) and the entry point
 * {@link io.github.jkmod.cli.Jmodprobe}.
 */
package io.github.jkmod.cli;
