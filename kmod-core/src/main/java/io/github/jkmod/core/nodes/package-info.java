/**
 * Static device nodes: the entries of {@code modules.devname} ({@link StaticNode}), read as
 * {@code kmod static-nodes} reads them ({@link StaticNodes}). {@code KmodContext.staticNodes()}
 * gives them for a context's module directory.
 */
package io.github.jkmod.core.nodes;
