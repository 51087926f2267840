/**
 * The modprobe configuration, read exactly as kmod 30 reads it: {@code modprobe.d} files,
 * {@code -C} paths, the module directory's {@code modules.softdep}, and the kernel command line.
 *
 * <p>Entry point: {@link io.github.jkmod.core.config.ConfigLoader}, which gives an immutable
 * {@link io.github.jkmod.core.config.ModprobeConfig}: the entries ({@code alias}, {@code blacklist},
 * {@code options}, {@code install}, {@code remove}, {@code softdep}, {@code weakdep}), the lookups
 * modprobe makes on them, the warnings kmod 30 would print, and the configuration part of
 * {@code modprobe -c}, byte for byte.
 *
 * <p>Text is byte-transparent: files are read as ISO-8859-1, one char per byte, so writing the
 * strings back as ISO-8859-1 gives the original bytes.
 */
package io.github.jkmod.core.config;
