package io.github.jkmod.core.testsupport;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of tests against a {@link FakeKernel}: before each test, a fresh in-memory file system
 * (Jimfs, a test dependency of kmod-core only), a {@link FakeKernelTree} at its {@code /root}, the
 * fake kernel on that tree, and one module file; the file system is closed after each test.
 */
public abstract class FakeKernelTestBase {
    /** The in-memory file system of the current test. */
    protected FileSystem fs;
    /** The fake tree at {@code /root} of {@link #fs}. */
    protected FakeKernelTree tree;
    /** The fake kernel on {@link #tree}. */
    protected FakeKernel kernel;
    /** The module file, written before each test. */
    protected Path ko;

    private final String koPath;
    private final byte[] koBytes;

    /**
     * @param koPath the module file's absolute path in {@link #fs}, such as {@code /m.ko}
     * @param koBytes its content
     */
    protected FakeKernelTestBase(String koPath, byte[] koBytes) {
        this.koPath = koPath;
        this.koBytes = koBytes.clone();
    }

    /** Makes the file system, the tree, the kernel and the module file. */
    @BeforeEach
    protected final void setUpFakeKernel() throws Exception {
        fs = Jimfs.newFileSystem(Configuration.unix());
        tree = FakeKernelTree.at(fs.getPath("/root"));
        kernel = FakeKernel.on(tree);
        ko = Files.write(fs.getPath(koPath), koBytes);
    }

    /** Closes the file system. */
    @AfterEach
    protected final void closeFileSystem() throws Exception {
        fs.close();
    }
}
