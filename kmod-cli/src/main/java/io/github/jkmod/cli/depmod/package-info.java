/**
 * {@code depmod} of the multi-call executable: {@link io.github.jkmod.cli.depmod.DepmodTool}.
 */
package io.github.jkmod.cli.depmod;
