/** jkmod's {@code rmmod}: modules out of the kernel by name or file, with kmod's checks and messages. */
package io.github.jkmod.cli.rmmod;
