/**
 * The module index files of a kernel's module directory: the binary trie format
 * ({@code modules.*.bin}) read and written byte for byte like depmod, and the text twins.
 */
package io.github.jkmod.index;
