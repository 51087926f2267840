/** The sample as a named module: it needs only jkmod's core module (which brings index and sysfs). */
module io.github.jkmod.sample {
    requires io.github.jkmod.core;
}
