package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.core.testsupport.ConformanceProfile;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.FetchedTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link KmodContext#modulesForSymbol} on the real Debian tree of the chosen oracle, for every
 * symbol of its {@code modules.symbols} and a few that no module exports, compared with what the
 * real {@code modprobe -R symbol:NAME} resolves (no configuration: {@code -C /dev/null}), in batches.
 */
class SymbolLookupOracleTest {
    private static final int BATCH = 2000;

    @Test
    void everySymbolResolvesAsModprobeResolvesIt() throws Exception {
        FetchedTree tree = FetchedTree.require();
        RealModprobe.require();
        Path symbolsFile = tree.moduleDir().resolve("modules.symbols");
        List<String> symbols = new ArrayList<>();
        for (String line : Files.readAllLines(symbolsFile, StandardCharsets.US_ASCII)) {
            String[] f = line.split(" ");
            if (f.length == 3 && f[0].equals("alias") && f[1].startsWith("symbol:")) {
                symbols.add(f[1].substring("symbol:".length()));
            }
        }
        assertTrue(symbols.size() > 1000, symbolsFile + ": " + symbols.size() + " symbols");
        symbols.addAll(List.of("jkmod_no_such_symbol", "", "crc32c*", "printk"));
        KmodContext ctx = ConformanceProfile.apply(KmodContext.builder()).root(tree.root()).release(tree.release())
                .configPaths(List.of(Path.of("/dev/null"))).build();
        String dir = ctx.moduleDirectory().path().toString();
        for (int from = 0; from < symbols.size(); from += BATCH) {
            List<String> batch = symbols.subList(from, Math.min(from + BATCH, symbols.size()));
            List<String> args = new ArrayList<>(List.of("-C", "/dev/null", "-d", tree.root().toString(), "-S",
                    tree.release(), "-R", "-a", "--"));
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            for (String symbol : batch) {
                args.add("symbol:" + symbol);
                List<KernelModule> modules = ctx.modulesForSymbol(symbol);
                if (modules.isEmpty()) {
                    err.append("modprobe: WARNING: Module symbol:").append(symbol).append(" not found in directory ")
                            .append(dir).append('\n');
                }
                for (KernelModule m : modules) {
                    out.append(m.name()).append('\n');
                }
            }
            RealModprobe.Outcome real = RealModprobe.run(args);
            assertEquals(real.stdout(), out.toString(), "symbols " + from + " to " + (from + batch.size()));
            assertEquals(real.stderr(), err.toString(), "symbols " + from + " to " + (from + batch.size()));
        }
        List<KernelModule> one = ctx.modulesForSymbol(symbols.get(0));
        assertEquals(1, one.size());
        assertThrows(UnsupportedOperationException.class, () -> one.add(one.get(0)));
        assertEquals(ctx.lookup("symbol:" + symbols.get(0)), one);
    }
}
