/** jkmod's {@code insmod}: one module file into the kernel, with kmod's messages. */
package io.github.jkmod.cli.insmod;
