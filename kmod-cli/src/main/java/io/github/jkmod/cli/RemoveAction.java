package io.github.jkmod.cli;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.CommandRunner;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.KernelModule;
import io.github.jkmod.core.ModuleRemover;
import io.github.jkmod.core.RemoveFlags;
import io.github.jkmod.core.RemoveListener;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.index.Aliases;
import io.github.jkmod.index.InvalidAliasException;
import java.util.List;

/** {@code modprobe -r NAME...}. */
final class RemoveAction {
    private RemoveAction() {
    }

    static int run(Invocation inv) throws KmodException {
        ModprobeOptions o = inv.options();
        KmodContext ctx = inv.context();
        RemoveFlags flags = new RemoveFlags(o.ignoreLoaded(), o.ignoreCommands(), o.isDryRun(),
                o.firstTime(), o.removeHolders(), o.forceModversion() && o.forceVermagic(),
                o.waitMsec());
        // modprobe -r has flushed stdout when a remove command runs: what it printed before
        // comes out before the command's output (install commands get no such flush).
        CommandRunner flushing = (command, environment) -> {
            inv.out().flush();
            return inv.commands().run(command, environment);
        };
        ModuleRemover remover = new ModuleRemover(ctx, inv.kernel(), flushing,
                inv.childEnvironment());
        RemoveListener listener = new RemoveListener() {
            @Override
            public void show(String line) {
                if (inv.show()) {
                    inv.out().println(line);
                }
            }

            @Override
            public void log(String message) {
                inv.logMain(message);
            }

            @Override
            public void error(String message) {
                inv.log().error(message);
            }
        };
        // -r takes every operand as a module name, with or without -a; any failure fails the run
        // (a FATAL one has already stopped it).
        int err = 0;
        for (String name : o.operands()) {
            int r = removeOne(inv, ctx, remover, listener, flags, name);
            if (r < 0) {
                err = r;
            }
        }
        return err < 0 ? 1 : 0;
    }

    private static int removeOne(Invocation inv, KmodContext ctx, ModuleRemover remover,
            RemoveListener listener, RemoveFlags flags, String name) throws KmodException {
        try {
            Aliases.normalize(name);
        } catch (InvalidAliasException e) {
            // modprobe -r fails an invalid alias (unbalanced brackets) without a word.
            return -Errno.EINVAL;
        }
        List<KernelModule> modules = ctx.lookup(name);
        if (modules.isEmpty()) {
            inv.logMain("Module " + name + " not found.");
            return -Errno.ENOENT;
        }
        int err = 0;
        for (KernelModule m : modules) {
            err = remover.remove(m, flags, listener);
            if (err < 0) {
                break;
            }
        }
        return err;
    }
}
