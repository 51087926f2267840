/**
 * A kit for unit tests against fake kernel trees: {@link io.github.jkmod.sysfs.testing.FakeKernelTree}
 * writes real files ({@code sys/module/NAME/...}, {@code proc/modules}, {@code proc/cmdline}) under a
 * root directory, on the default file system (a JUnit {@code @TempDir}) or an in-memory one (Jimfs),
 * and moves modules through their states while a test runs, so that races can be scripted.
 *
 * <p>Part of the public API: users of jkmod may write their own tests with it. It has no dependency
 * beyond the JDK and {@code kmod-sysfs}.
 */
package io.github.jkmod.sysfs.testing;
