/**
 * Loading and unloading modules: the three system calls behind {@link
 * io.github.jkmod.core.kernel.KernelCalls} (the real ones through JNA, lazily; fakes for tests),
 * the insert path of docs/semantics.md in {@link io.github.jkmod.core.kernel.ModuleLoader}, and the
 * per-module step of a probe in {@link io.github.jkmod.core.kernel.ModuleLoad}: with the kmod-20
 * logic a module that is still {@code COMING} is not taken for loaded, so a parallel load waits in
 * the kernel and succeeds only once the module is live.
 *
 * <p>Every refusal is a {@link io.github.jkmod.core.kernel.KernelCallException} with the module,
 * the symbolic errno and glibc's text; no JNA type appears in this package's API.
 */
package io.github.jkmod.core.kernel;
