/**
 * Start here: libkmod and {@code modprobe} for Java programs. Everything begins with a
 * {@link io.github.jkmod.core.KmodContext}, which reads one system (its module directory, its
 * {@code modprobe.d} configuration, its kernel command line, and its {@code sys/} and {@code proc/});
 * {@link io.github.jkmod.core.Modprobe} loads and removes modules on top of it. Both are immutable
 * and thread-safe. Every failure is a checked {@link io.github.jkmod.KmodException} whose message
 * names the file and line or offset, or the module and the kernel's answer.
 *
 * <h2>Build a context</h2>
 *
 * <pre>{@code
 * KmodContext system = KmodContext.builder().build();   // root /, the running kernel, /etc/modprobe.d ...
 *
 * KmodContext other = KmodContext.builder()
 *         .root(Path.of("/mnt/target"))                  // lib/modules, modprobe.d, sys/, proc/ under it
 *         .release(release)                              // default: ROOT/proc/sys/kernel/osrelease
 *         .profile(KmodProfile.KMOD_30)                  // behave as kmod 30 (default: kmod 34.2)
 *         .build();
 * }</pre>
 *
 * <p>{@link io.github.jkmod.core.KmodContext.Builder#moduleRoot moduleRoot} moves only the module
 * directory (modprobe's {@code -d}) and {@link io.github.jkmod.core.KmodContext.Builder#configPaths
 * configPaths} replaces the configuration directories (modprobe's {@code -C}). Configuration problems
 * do not fail the build: they are listed by {@code context.config().warnings()}. A long-running
 * program calls {@link io.github.jkmod.core.KmodContext#refreshed()} to see a new {@code depmod} run
 * or configuration file.
 *
 * <h2>Resolve a name or an alias</h2>
 *
 * <pre>{@code
 * List<KernelModule> found = ctx.lookup("pci:v00001234d00005678sv00001234sd00000001bc02sc00i00");  // [] if none
 * List<KernelModule> nic = ctx.require("demo-nic");         // ModuleNotFoundException when nothing answers
 * List<KernelModule> owner = ctx.lookup("symbol:demo_crc_calc");  // the module exporting it: keep the prefix
 * Optional<ModuleDependencies> dep = ctx.dependencies("demo_net");   // its file and dependencies (modules.dep)
 * }</pre>
 *
 * <p>Lookup follows {@code modprobe}'s order: configuration aliases, {@code modules.dep}, symbols,
 * install and remove commands, {@code modules.alias}, builtin modules. A
 * {@link io.github.jkmod.core.KernelModule} carries the alias it was found by, which selects the
 * {@code options} lines that apply to it.
 *
 * <h2>List loaded modules, read a state</h2>
 *
 * <pre>{@code
 * for (LoadedModule m : ctx.loaded()) {               // as lsmod: name, size, use count, holders
 *     System.out.println(m.name() + " used by " + m.holders().orElse(List.of()));
 * }
 * ModuleState state = ctx.state("ext4");              // LIVE, COMING, GOING, BUILTIN or NOT_LOADED
 * }</pre>
 *
 * <h2>Plan, insert and remove</h2>
 *
 * <pre>{@code
 * ProbePlan plan = ctx.planInsert(nic.get(0), ProbeFlags.SHOW_DEPENDS);  // as modprobe --show-depends
 * for (ProbeStep step : plan.steps()) {
 *     System.out.println(step.showDependsLine().orElse(""));  // insmod FILE OPTIONS, install CMD, ...
 * }
 *
 * Modprobe modprobe = Modprobe.system();              // the running kernel, real system calls
 * List<ProbeStep> done = modprobe.insert("xfrm_user", "debug=1");  // as modprobe xfrm_user debug=1
 * List<RemovalStep> removed = modprobe.remove("xfrm_user");  // as modprobe -r: REMOVE xfrm_user, ...
 * modprobe.insert("xfrm_user", ProbeFlags.DEFAULT.withDryRun(true));      // as modprobe -n: the steps, no call
 * modprobe.remove("xfrm_user", RemoveFlags.DEFAULT.withRemoveHolders(true).withWait(Duration.ofSeconds(5)));
 * }</pre>
 *
 * <p>{@code insert} throws {@link io.github.jkmod.core.ProbeFailedException} with modprobe's words
 * ({@code could not insert 'x': Operation not permitted}); {@code remove} throws
 * {@link io.github.jkmod.core.RemoveFailedException} ({@code Module x is in use.}). Flags come as
 * withers of {@link io.github.jkmod.core.ProbeFlags} and {@link io.github.jkmod.core.RemoveFlags};
 * listeners of each step are in {@link io.github.jkmod.core.ProbeExecutor} and
 * {@link io.github.jkmod.core.ModuleRemover}. A context reports what makes its answers emptier than
 * expected (a missing module directory or {@code -C} path) in
 * {@link io.github.jkmod.core.KmodContext#warnings()}, logged at {@code WARNING}.
 *
 * <h2>Read a module's information</h2>
 *
 * <pre>{@code
 * ModuleFile file = ModuleFile.read(dep.get().file());  // .ko, .ko.gz, .ko.xz or .ko.zst
 * for (ModinfoField f : file.info()) {                 // as modinfo: license, alias, depends, parm, sig_*...
 *     System.out.println(f.key() + ": " + f.value());
 * }
 * List<String> licenses = file.modinfo("license");
 * }</pre>
 *
 * <p>{@link io.github.jkmod.core.modinfo.ModuleFile} reads a file once (at most
 * {@link io.github.jkmod.core.modinfo.ModuleFile#MAX_IMAGE_SIZE} bytes uncompressed);
 * {@link io.github.jkmod.core.modinfo.ModinfoPrinter} prints the fields as {@code modinfo} does.
 *
 * <h2>Test without a kernel</h2>
 *
 * <p>{@link io.github.jkmod.sysfs.testing.FakeKernelTree} writes real {@code sys/module/...} and
 * {@code proc/modules} files under a directory; {@link io.github.jkmod.core.kernel.testing.FakeKernel}
 * is a {@link io.github.jkmod.core.kernel.KernelCalls} that loads into such a tree the way the kernel
 * does. Give the context the same root as the tree, so that it reads the states the fake kernel
 * writes:
 *
 * <pre>{@code
 * @Test
 * void loadsTheNicWithItsDependencies(@TempDir Path root) throws Exception {
 *     // root holds lib/modules/RELEASE with the modules and their modules.* index files
 *     FakeKernelTree tree = FakeKernelTree.at(root);
 *     FakeKernel kernel = FakeKernel.on(tree).holdingDependencies();
 *     KmodContext ctx = KmodContext.builder().root(root).release(RELEASE)
 *             .configPaths(List.of(root.resolve("etc/modprobe.d"))).build();
 *     Modprobe modprobe = Modprobe.of(ctx, kernel, (command, environment) -> 0);  // commands: not run
 *
 *     modprobe.insert("demo-nic");
 *
 *     assertEquals(FakeModule.Phase.LIVE, kernel.phase("demo_net"));
 *     assertEquals(List.of("demo_net", "demofs"), ctx.kernelState().holders("demo_core"));  // demofs: softdep
 * }
 * }</pre>
 *
 * <p>{@link io.github.jkmod.core.kernel.testing.FakeKernel#calls()} records every system call;
 * {@code failNext}, {@code failInit}, {@code inUse} and the hooks inside a load script the kernel's
 * answers and races. The tree alone serves tests of state reading
 * ({@link io.github.jkmod.sysfs.testing.FakeKernelTree#kernelState()}).
 *
 * <h2>Where the rest is</h2>
 *
 * <ul>
 *   <li>{@link io.github.jkmod.core.config}: the {@code modprobe.d} configuration and its warnings;
 *   <li>{@link io.github.jkmod.core.modinfo} and {@link io.github.jkmod.core.elf}: module files;
 *   <li>{@link io.github.jkmod.core.kernel}: the system calls, one module's insertion and removal;
 *   <li>{@link io.github.jkmod.core.graph}: the dependency graph of modules (load plan or who needs
 *       them) as records, Graphviz DOT and SVG;
 *   <li>{@code io.github.jkmod.index} (kmod-index): the {@code modules.*} index files;
 *   <li>{@code io.github.jkmod.sysfs} (kmod-sysfs): module states from {@code sys/} and
 *       {@code proc/}.
 * </ul>
 */
package io.github.jkmod.core;
