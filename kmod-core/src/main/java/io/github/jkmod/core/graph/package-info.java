/**
 * The dependency graph of modules, as data and as a picture: {@link
 * io.github.jkmod.core.graph.GraphPlanner} builds a {@link io.github.jkmod.core.graph.ModuleGraph}
 * (the load plan of modules, or who needs them), {@link io.github.jkmod.core.graph.DotWriter}
 * writes it as Graphviz DOT, {@link io.github.jkmod.core.graph.GraphvizRenderer} renders that with
 * Graphviz's {@code dot} (SVG). See {@code docs/graph.md}.
 */
package io.github.jkmod.core.graph;
