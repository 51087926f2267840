package io.github.jkmod.cli;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KernelModule;
import io.github.jkmod.core.ModuleNotFoundException;
import io.github.jkmod.core.ProbeExecutor;
import io.github.jkmod.core.ProbeFailedException;
import io.github.jkmod.core.ProbeFlags;
import io.github.jkmod.core.ProbeListener;
import io.github.jkmod.core.ProbePlan;
import io.github.jkmod.core.ProbeStep;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.Force;
import io.github.jkmod.core.kernel.KernelCallException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code modprobe NAME [PARAMS]}, {@code -a}, {@code -n}, {@code -D}, {@code -R}. */
final class InsertAction {
    private InsertAction() {
    }

    static int run(Invocation inv) throws KmodException {
        ModprobeOptions o = inv.options();
        String extra = o.all() ? null : o.moduleParameters();
        int err = 0;
        for (String name : o.moduleNames()) {
            int r = insert(inv, name, extra);
            if (!o.all() || r < 0) {
                err = r;
            }
        }
        return err < 0 ? 1 : 0;
    }

    private static int insert(Invocation inv, String name, String extra) throws KmodException {
        ModprobeOptions o = inv.options();
        KmodContext ctx = inv.context();
        List<KernelModule> modules;
        if (o.profile().modulePaths() && (name.startsWith("/") || name.startsWith("./"))) {
            // kmod 34: the file itself, shown and opened as given (relative: after the working directory)
            Path file = RawArguments.path(name.startsWith("/") ? name : inv.cwd() + "/" + name);
            try {
                modules = List.of(ctx.moduleAtPath(file));
            } catch (ModuleNotFoundException e) {
                inv.logMain("Failed to get module from path " + name + ": No such file or directory");
                return -Errno.ENOENT;
            }
        } else {
            modules = ctx.lookup(name);
        }
        if (modules.isEmpty()) {
            inv.logMain("Module " + name + " not found in directory " + inv.dirname());
            return -Errno.ENOENT;
        }
        ProbeFlags flags = new ProbeFlags(o.ignoreLoaded(), o.ignoreCommands(),
                o.useBlacklist() ? ProbeFlags.BlacklistMode.ALL : ProbeFlags.BlacklistMode.ALIAS_ONLY,
                o.firstTime(), o.isDryRun());
        Set<Force> force = EnumSet.noneOf(Force.class);
        if (o.forceModversion()) {
            force.add(Force.MODVERSION);
        }
        if (o.forceVermagic()) {
            force.add(Force.VERMAGIC);
        }
        ProbeExecutor executor = new ProbeExecutor(ctx, inv.kernel(), inv.commands(),
                inv.childEnvironment());
        ProbeListener listener = new Listener(inv, ctx.moduleDirectory().path());
        int err = 0;
        for (KernelModule m : modules) {
            if (o.resolveAlias()) {
                inv.out().println(m.name());
                err = 0;
                continue;
            }
            ProbePlan plan = extra == null ? ctx.planInsert(m, flags) : ctx.planInsert(m, flags, extra);
            try {
                executor.execute(plan, flags, force, listener);
                err = 0;
            } catch (ProbeFailedException e) {
                inv.log().error("could not insert '" + m.name() + "': " + e.reason());
                err = -e.errno();
            }
        }
        return err;
    }

    /** Prints actions as modprobe does, and the errors it reports on the way. */
    private static final class Listener implements ProbeListener {
        private final Invocation inv;
        private final Path directory;

        Listener(Invocation inv, Path directory) {
            this.inv = inv;
            this.directory = directory;
        }

        @Override
        public void action(ProbeStep step) {
            if (!inv.show()) {
                return;
            }
            if (step.action() == ProbeStep.Action.INSERT) {
                inv.out().println("insmod " + inv.display(step.file().orElseThrow(), directory)
                        + " " + step.optionsText());
            } else {
                // Not ifPresent(out::println): a method reference costs start-up time.
                Optional<String> line = step.showDependsLine();
                if (line.isPresent()) {
                    inv.out().println(line.get());
                }
            }
        }

        @Override
        public void commandFailed(ProbeStep step, String command, int status) {
            inv.log().error(inv.options().profile().logPrefix("../libkmod/libkmod-module.c:1047", "command_do")
                    + "Error running install command '"
                    + command + "' for module " + step.module().name() + ": retcode " + status);
        }

        @Override
        public void insertFailed(ProbeStep step, KernelCallException failure) {
            inv.log().info(inv.options().profile().logPrefix("../libkmod/libkmod-module.c:949", "kmod_module_insert_module")
                    + "Failed to insert module '"
                    + inv.display(step.file().orElseThrow(), directory) + "': " + failure.strerror());
        }

        @Override
        public void noFile(ProbeStep step) {
            inv.log().error(inv.options().profile().logPrefix("../libkmod/libkmod-module.c:895", "kmod_module_insert_module")
                    + "could not find module by name='"
                    + step.module().name() + "'");
        }
    }
}
