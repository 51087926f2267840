/** jkmod's {@code lsmod}: the loaded modules in kmod's format. */
package io.github.jkmod.cli.lsmod;
