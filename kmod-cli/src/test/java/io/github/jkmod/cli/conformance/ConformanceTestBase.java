package io.github.jkmod.cli.conformance;

import io.github.jkmod.core.testsupport.ConformanceConfig;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the conformance test classes: before a class runs, the real tree and the real modprobe
 * ({@link RealTree#require()}, which skips the class when either is missing), and
 * {@link ConformanceConfig#everyCommand} written to the class's temporary directory. A subclass's
 * own {@code @BeforeAll} methods run after this one.
 */
abstract class ConformanceTestBase {
    /** The temporary directory of the running class. */
    @TempDir
    static Path tmp;

    /** The real tree and modprobe. */
    static RealTree tree;

    /** {@code every-command.d} in {@link #tmp}. */
    static Path everyCommand;

    @BeforeAll
    static void requireTreeAndConfig() throws IOException {
        tree = RealTree.require();
        everyCommand = ConformanceConfig.everyCommand(tmp);
    }
}
