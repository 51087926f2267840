package io.github.jkmod.sysfs;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that run once per {@link FileSystemKind}: {@link #newRoot} gives a fresh root
 * that is never {@code /}, so an absolute {@code resolve("/sys")} in the code under test fails.
 */
public abstract class TwoFileSystemsTest {

    @TempDir
    Path tempDir;

    private final List<FileSystem> jimfs = new ArrayList<>();
    private int counter;

    /** A new, existing, empty root directory on {@code kind}. */
    protected Path newRoot(FileSystemKind kind) throws IOException {
        Path root;
        if (kind == FileSystemKind.DISK) {
            root = tempDir.resolve("root" + (++counter));
        } else {
            FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
            jimfs.add(fs);
            root = fs.getPath("/fake/root");
        }
        return Files.createDirectories(root);
    }

    @AfterEach
    void closeJimfs() throws IOException {
        for (FileSystem fs : jimfs) {
            fs.close();
        }
    }
}
