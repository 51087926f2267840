/** jkmod's {@code kmod}: help, version and the commands {@code list} and {@code static-nodes}. */
package io.github.jkmod.cli.kmod;
