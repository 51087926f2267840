package io.github.jkmod.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.KmodException;
import io.github.jkmod.core.testsupport.ConformanceProfile;
import io.github.jkmod.core.testsupport.RealModprobe;
import io.github.jkmod.testsupport.FetchedTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plans of one module name reached by its name and through aliases, in one context (so that plan
 * templates are made by the first and reused by the others), where the configuration makes a plan
 * meet its own target's name again: a softdep on itself, a softdep on an alias of itself, a softdep
 * on a dependency. Compared byte for byte with the real modprobe, with and without {@code -i}.
 */
class PlanTemplateConformanceTest {

    private static final List<String> KEYS = List.of(
            "ext4", "myext", "ext4", "myext",
            "mycrc", "crc16", "mycrc",
            "selfdep", "jbd2", "mbcache", "selfdep", "jbd2",
            "crc7", "mycrc7", "crc7");

    @TempDir
    static Path tmp;

    private static Path root;
    private static String release;
    private static Path config;

    @BeforeAll
    static void setUp() throws IOException {
        FetchedTree tree = FetchedTree.require();
        RealModprobe.require();
        root = tree.root();
        release = tree.release();
        config = tmp.resolve("self.conf");
        Files.writeString(config, String.join("\n",
                "alias myext ext4",
                "softdep ext4 post: ext4 crc16",
                "alias mycrc crc16",
                "softdep crc16 pre: mycrc",
                "alias selfdep jbd2",
                "softdep mbcache pre: jbd2 selfdep",
                "softdep jbd2 post: mbcache",
                "alias mycrc7 crc7",
                "softdep crc7 pre: mycrc7 post: crc7",
                "install crc7 /bin/true",
                ""));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void reusedPlansMatchModprobe(boolean ignoreInstall) throws Exception {
        List<String> args = new ArrayList<>(List.of("-C", config.toString(), "-d", root.toString(),
                "-S", release, "-D", "-a"));
        if (ignoreInstall) {
            args.add("-i");
        }
        args.add("--");
        args.addAll(KEYS);
        RealModprobe.Outcome real = RealModprobe.run(args);
        KmodContext ctx = ConformanceProfile.apply(KmodContext.builder())
                .moduleRoot(root)
                .release(release)
                .configPaths(List.of(config))
                .build();
        ProbeFlags flags = new ProbeFlags(true, ignoreInstall, ProbeFlags.BlacklistMode.ALIAS_ONLY,
                false, true);
        StringBuilder out = new StringBuilder();
        for (String key : KEYS) {
            render(ctx, flags, key, out);
        }
        assertEquals(real.stdout(), out.toString());
        assertEquals("", real.stderr());
    }

    private static void render(KmodContext ctx, ProbeFlags flags, String key, StringBuilder out)
            throws KmodException {
        for (KernelModule m : ctx.require(key)) {
            for (ProbeStep step : ctx.planInsert(m, flags).steps()) {
                step.showDependsLine().ifPresent(l -> out.append(l).append('\n'));
            }
        }
    }
}
