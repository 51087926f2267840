/**
 * libkmod in Java: configuration, module lookup, dependency resolution, modinfo, loading and
 * removal. Start at {@link io.github.jkmod.core.KmodContext}. The packages under
 * {@code io.github.jkmod.core.internal} (the JNA binding to the kernel's system calls, file
 * helpers) are not part of the API and are not exported.
 */
module io.github.jkmod.core {
    requires transitive io.github.jkmod.index;
    requires transitive io.github.jkmod.sysfs;
    requires com.sun.jna;
    requires org.tukaani.xz;
    // aircompressor 0.27 (zstd) names no module: its automatic module takes the jar's name
    requires aircompressor;

    exports io.github.jkmod.core;
    exports io.github.jkmod.core.config;
    exports io.github.jkmod.core.depmod;
    exports io.github.jkmod.core.devices;
    exports io.github.jkmod.core.elf;
    exports io.github.jkmod.core.graph;
    exports io.github.jkmod.core.kernel;
    exports io.github.jkmod.core.kernel.testing;
    exports io.github.jkmod.core.modinfo;
    exports io.github.jkmod.core.nodes;

    // JNA reads and writes the fields of the structures it passes to libc by reflection
    opens io.github.jkmod.core.internal.jna to com.sun.jna;
}
