/**
 * depmod: the index files of a module tree built from its module files, byte for byte as kmod's
 * depmod (kmod 34.2 or kmod 30) writes them. Start at {@link io.github.jkmod.core.depmod.Depmod}.
 */
package io.github.jkmod.core.depmod;
