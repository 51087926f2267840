/**
 * Reading the ELF relocatable files that hold Linux kernel modules: 32- and 64-bit, little- and
 * big-endian, section headers and names, symbol tables and strings, every offset checked against
 * the file so that a malformed file gives a {@link io.github.jkmod.core.elf.ModuleFormatException}
 * naming the file and the byte offset, never another exception.
 */
package io.github.jkmod.core.elf;
