package io.github.jkmod.cli;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.KmodContext;
import io.github.jkmod.core.config.ModprobeConfig;
import io.github.jkmod.index.ModuleIndex;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Optional;

/** {@code modprobe -c}: the configuration, then the alias and symbol indexes. */
final class ShowConfigAction {
    private ShowConfigAction() {
    }

    static int run(Invocation inv) throws KmodException {
        KmodContext ctx = inv.context();
        PrintStream out = inv.out();
        try {
            ctx.config().dump(out);
        } catch (IOException e) {
            throw new KmodException("cannot write the configuration: " + e.getMessage(), e);
        }
        out.print(ModprobeConfig.END_OF_CONFIGURATION);
        out.print('\n');
        dump(ctx.moduleDirectory().alias(), out);
        dump(ctx.moduleDirectory().symbols(), out);
        return 0;
    }

    private static void dump(Optional<ModuleIndex> index, PrintStream out) throws KmodException {
        if (index.isPresent()) {
            index.get().forEach((key, value) -> {
                out.print("alias ");
                out.print(key);
                out.print(' ');
                out.print(value.value());
                out.print('\n');
            });
        }
    }
}
