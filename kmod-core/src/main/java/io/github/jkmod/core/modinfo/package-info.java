/**
 * Kernel module files ({@code .ko}, {@code .ko.gz}, {@code .ko.xz}, {@code .ko.zst}) as the tools
 * see them: decompression recognised by magic bytes, the {@code .modinfo} records, the
 * {@code __versions} table, the exported symbols, the appended module signature, copies edited for
 * the force flags, and {@code modinfo}'s output format. Everything read from a file is untrusted:
 * sizes are limited ({@link io.github.jkmod.core.modinfo.ModuleFile#MAX_IMAGE_SIZE}) and every
 * malformed input ends in a {@link io.github.jkmod.core.elf.ModuleFormatException} that names the
 * file and the byte offset.
 */
package io.github.jkmod.core.modinfo;
