/**
 * {@code jkmod graph}: the dependency graph of modules as Graphviz DOT or SVG
 * ({@link io.github.jkmod.cli.graph.GraphTool}), over the library's {@code io.github.jkmod.core.graph}.
 */
package io.github.jkmod.cli.graph;
