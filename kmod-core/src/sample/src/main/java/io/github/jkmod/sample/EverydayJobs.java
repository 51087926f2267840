package io.github.jkmod.sample;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.*;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.core.modinfo.ModuleInfo;
import io.github.jkmod.core.modinfo.ModuleParameter;
import io.github.jkmod.core.nodes.StaticNode;
import io.github.jkmod.sysfs.LoadedModule;
import io.github.jkmod.sysfs.testing.FakeKernelTree;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The everyday jobs of a jkmod user, on jkmod's example tree: resolve an alias and plan its load,
 * find the module of a symbol and the static device nodes, read a module's information, load into a
 * fake kernel, list the loaded modules as lsmod does and plan a removal.
 *
 * <p>Usage: {@code EverydayJobs EXAMPLE_DIR} where {@code EXAMPLE_DIR} is jkmod's
 * {@code kmod-cli/src/example} (a module tree under {@code root/} and a {@code modprobe.d/}).
 */
public final class EverydayJobs {
    /** The example tree's kernel release. */
    public static final String RELEASE = "6.1.0-jkmod-example";

    private EverydayJobs() {
    }

    /**
     * Runs every job and prints what each found.
     *
     * @param args the example directory
     * @throws Exception when a job fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: EverydayJobs EXAMPLE_DIR (jkmod's kmod-cli/src/example)");
            System.exit(2);
        }
        Path example = Path.of(args[0]);
        KmodContext ctx = KmodContext.builder()
                .root(example.resolve("root"))
                .release(RELEASE)
                .configPaths(List.of(example.resolve("modprobe.d")))
                .build();
        resolveAndPlan(ctx);
        findSymbolsAndNodes(ctx);
        readModinfo(ctx);
        Path scratch = Files.createTempDirectory("jkmod-sample");
        try {
            loadIntoAFakeKernel(example, scratch);
        } finally {
            deleteTree(scratch);
        }
    }

    /** The README's example: an alias, its modules, their load plan. */
    static void resolveAndPlan(KmodContext ctx) throws KmodException {
        for (KernelModule m : ctx.require("demo-nic")) {
            System.out.println("demo-nic is " + m.name() + " (alias " + m.alias().orElse("-") + ")");
            ProbePlan plan = ctx.planInsert(m, ProbeFlags.SHOW_DEPENDS);
            for (ProbeStep step : plan.steps()) {
                System.out.println("  " + step.action() + " " + step.module().name() + " " + step.options());
            }
            System.out.println(m.name() + " is " + ctx.state(m.name()));
        }
    }

    /** The module that exports a symbol, and the device nodes of modules.devname. */
    static void findSymbolsAndNodes(KmodContext ctx) throws KmodException {
        for (String symbol : List.of("demo_crc_calc", "demo_core_register", "no_such_symbol")) {
            List<String> names = ctx.modulesForSymbol(symbol).stream().map(KernelModule::name).toList();
            System.out.println("symbol " + symbol + " is exported by " + names);
        }
        for (StaticNode node : ctx.staticNodes()) {
            System.out.println("static node /dev/" + node.deviceName() + " " + node.type() + " " + node.major()
                    + ":" + node.minor() + " loads " + node.module());
        }
    }

    /** What modinfo shows of a module, as typed values. */
    static void readModinfo(KmodContext ctx) throws KmodException {
        for (ModuleInfo info : ctx.modinfo("demo-nic")) {
            System.out.println("modinfo " + info.name() + ": license " + info.license().orElse("-")
                    + ", depends " + info.depends() + ", builtin " + info.isBuiltin());
            for (ModuleParameter p : info.parameters()) {
                System.out.println("  parameter " + p.name() + " (" + p.type().orElse("?") + "): "
                        + p.description().orElse(""));
            }
        }
    }

    /** Loads demo-nic into a fake kernel made under {@code scratch} and lists the loaded modules. */
    static void loadIntoAFakeKernel(Path example, Path scratch) throws IOException {
        copyTree(example.resolve("root/lib"), scratch.resolve("lib"));
        FakeKernelTree tree = FakeKernelTree.at(scratch);
        tree.cmdline("");
        FakeKernel kernel = FakeKernel.on(tree).holdingDependencies();
        KmodContext ctx = KmodContext.builder().root(scratch).release(RELEASE)
                .configPaths(List.of(example.resolve("modprobe.d"))).build();
        Modprobe modprobe = Modprobe.of(ctx, kernel, (command, environment) -> 0);
        for (ProbeStep step : modprobe.insert("demo-nic")) {
            System.out.println("loaded: " + step.action() + " " + step.module().name());
        }
        System.out.println("Module                  Size  Used by");
        for (LoadedModule m : ctx.loaded()) {
            // lsmod's columns; holders sorted here (lsmod keeps the directory's order, which varies)
            List<String> holders = m.holders().orElse(List.of()).stream().sorted().toList();
            System.out.println(String.format("%-19s %8d  %d %s", m.name(), m.size().orElse(0),
                    m.useCount().orElse(0), String.join(",", holders)).strip());
        }
        for (RemovalStep step : modprobe.remove("demo_net", RemoveFlags.DEFAULT.withDryRun(true))) {
            System.out.println("modprobe -r -n demo_net would: " + step.action() + " " + step.module());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
