/**
 * A fake kernel for tests of loading and probing: {@link io.github.jkmod.core.kernel.testing.FakeKernel}
 * implements {@link io.github.jkmod.core.kernel.KernelCalls} over a
 * {@link io.github.jkmod.sysfs.testing.FakeKernelTree}, with the kernel's ordering (module directory
 * first, then {@code initstate}, the init function, live), a second loader of the same module kept
 * waiting and then answered {@code EEXIST}, scriptable hooks inside the load, and injectable errors.
 * {@link io.github.jkmod.core.kernel.testing.FakeKernelServer} serves one fake kernel to several
 * processes over a Unix domain socket; each uses a
 * {@link io.github.jkmod.core.kernel.testing.FakeKernelClient} as its {@code KernelCalls}.
 *
 * <p>Part of the public API (in the main artifact, like the sysfs kit it builds on) so that tools on
 * top of jkmod, such as {@code jmodprobe}'s tests, can run whole probes without a kernel.
 */
package io.github.jkmod.core.kernel.testing;
