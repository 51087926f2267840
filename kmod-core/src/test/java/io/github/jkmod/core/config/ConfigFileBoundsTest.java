package io.github.jkmod.core.config;

import static io.github.jkmod.core.config.TestFiles.messages;
import static io.github.jkmod.core.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static io.github.jkmod.testsupport.Prerequisites.require;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are too large, endless, or FIFOs: read with a bound, and never waited on for a writer
 * (kmod 30 reads {@code /dev/zero} up to 1 GiB and waits forever on a FIFO without a writer).
 */
class ConfigFileBoundsTest {
    @TempDir
    Path root;

    private static List<String> options(ModprobeConfig c) {
        return c.options().stream().map(OptionsEntry::options).toList();
    }

    /** {@code size} bytes: an options line, then a comment that fills the rest. */
    private static String fileOfSize(String optionsLine, int size) {
        char[] fill = new char[size - optionsLine.length() - 2];
        Arrays.fill(fill, 'x');
        return optionsLine + "#" + new String(fill) + "\n";
    }

    @Test
    void aFileOfExactlyTheLimitIsRead() throws IOException {
        Path file = write(root.resolve("big.conf"), fileOfSize("options x big\n", ConfigLoader.MAX_FILE_SIZE));
        assertEquals(ConfigLoader.MAX_FILE_SIZE, Files.size(file));
        ModprobeConfig c = ConfigLoader.builder().configPath(file).build();
        assertEquals(List.of("big"), options(c));
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void aFileOneByteOverTheLimitIsSkippedWithAWarningAndTheOthersStillCount() {
        Path dir = root.resolve("d");
        write(dir.resolve("a.conf"), "options x a\n");
        write(dir.resolve("big.conf"), fileOfSize("options x big\n", ConfigLoader.MAX_FILE_SIZE + 1));
        write(dir.resolve("c.conf"), "options x c\n");
        ModprobeConfig c = ConfigLoader.builder().configPath(dir.toString()).build();
        assertEquals(List.of("a", "c"), options(c));
        assertEquals(List.of(dir + "/big.conf: ignoring file larger than jkmod's limit of 4194304 bytes"), messages(c));
        ConfigWarning w = c.warnings().get(0);
        assertEquals(ConfigWarning.Kind.TOO_LARGE, w.kind());
        assertEquals(dir.resolve("big.conf"), w.file());
        assertEquals(0, w.line());
        assertEquals("libkmod: ERROR jkmod ConfigLoader: " + dir
                + "/big.conf: ignoring file larger than jkmod's limit of 4194304 bytes", w.stderrLine());
        assertEquals(3, c.files().size());
    }

    @Test
    void theLimitIsFourMebibytes() {
        assertEquals(4_194_304, ConfigLoader.MAX_FILE_SIZE);
    }

    @Test
    void devZeroGivenAsAPathIsBoundedAndSkipped() {
        require(Files.exists(Path.of("/dev/zero")), "no /dev/zero");
        ModprobeConfig c = ConfigLoader.builder().configPath("/dev/zero").build();
        assertEquals(List.of(), c.options());
        assertEquals(List.of("/dev/zero: ignoring file larger than jkmod's limit of 4194304 bytes"), messages(c));
    }

    @Test
    void aLinkToDevZeroInADefaultDirectoryIsBoundedAndSkipped() throws IOException {
        require(Files.exists(Path.of("/dev/zero")), "no /dev/zero");
        Path dir = root.resolve("etc/modprobe.d");
        write(dir.resolve("a.conf"), "options x a\n");
        Path link = Files.createSymbolicLink(dir.resolve("zero.conf"), Path.of("/dev/zero"));
        try {
            ModprobeConfig c = ConfigLoader.builder().configRoot(root).build();
            assertEquals(List.of("a"), options(c));
            assertEquals(List.of("/etc/modprobe.d/zero.conf: ignoring file larger than jkmod's limit of 4194304 bytes"),
                    messages(c));
        } finally {
            Files.delete(link);
        }
    }

    @Test
    void modulesSoftdepOverTheLimitIsSkippedLikeAnyFile() {
        Path moduleDir = root.resolve("lib/modules/6.1.0");
        write(moduleDir.resolve("modules.softdep"),
                fileOfSize("softdep x pre: y\n", ConfigLoader.MAX_FILE_SIZE + 1));
        ModprobeConfig c = ConfigLoader.builder().configRoot(root).moduleDir(moduleDir).build();
        assertEquals(List.of(), c.softdeps());
        assertEquals(List.of(moduleDir + "/modules.softdep: ignoring file larger than jkmod's limit of 4194304 bytes"),
                messages(c));
    }

    @Test
    void onlyTheFirst4095BytesOfAHugeCommandLineAreRead() {
        require(Files.exists(Path.of("/dev/zero")), "no /dev/zero");
        // /dev/zero reads as an empty command line (it stops at the first NUL), with no warning.
        ModprobeConfig zero = ConfigLoader.builder().configRoot(root).cmdlineFile(Path.of("/dev/zero")).build();
        assertEquals(List.of(), zero.options());
        assertEquals(List.of(), zero.warnings());
        char[] fill = new char[4095 - "a.p=1 ".length()];
        Arrays.fill(fill, ' ');
        Path cmdline = write(root.resolve("cmdline"), "a.p=1 " + new String(fill) + "b.p=2 " + "c".repeat(10_000_000));
        assertEquals(List.of("p=1"), options(ConfigLoader.builder().configRoot(root).cmdlineFile(cmdline).build()));
    }

    // A guard against the hang this class is about, not a measure of speed: kmod 30 blocks here.
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aFifoWithoutAWriterReadsAsEmptyInsteadOfBlocking() throws Exception {
        Path dir = root.resolve("d");
        write(dir.resolve("a.conf"), "options x a\n");
        Path fifo = mkfifo(dir.resolve("fifo.conf"));
        ModprobeConfig inDir = ConfigLoader.builder().configPath(dir.toString()).build();
        assertEquals(List.of("a"), options(inDir));
        assertEquals(List.of(), inDir.warnings());
        assertEquals(List.of("a.conf", "fifo.conf"), inDir.files().stream().map(ConfigFile::name).toList());
        ModprobeConfig explicit = ConfigLoader.builder().configPath(fifo).build();
        assertEquals(List.of(), explicit.options());
        assertEquals(List.of(), explicit.warnings());
        ModprobeConfig cmdline = ConfigLoader.builder().configRoot(root).cmdlineFile(fifo).build();
        assertEquals(List.of(), cmdline.options());
    }

    /**
     * {@code modprobe -C <(printf ...)}: a pipe whose writer has written and gone, named by a
     * {@code /proc/self/fd} link, is read like a file (as kmod 30 reads it).
     */
    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeNamedThroughProcSelfFdIsRead() throws Exception {
        require(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc/self/fd");
        // The writer names its stdout pipe on stderr, writes the configuration, closes both, and
        // stays alive (this JVM drops its end of a child's pipe when the child exits) until its
        // stdin closes. End of stderr means the data is in the pipe and its write end is closed.
        Process writer = new ProcessBuilder("sh", "-c",
                "l=$(readlink /proc/$$/fd/1); echo \"$l\" >&2; printf 'options x piped\\n'; exec 1>&- 2>&-; exec cat >/dev/null")
                .start();
        String link = new String(writer.getErrorStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        require(link.startsWith("pipe:["), "not a pipe: " + link);
        Path pipe = null;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                if (Files.isSymbolicLink(fd) && Files.readSymbolicLink(fd).toString().equals(link)) {
                    pipe = fd;
                }
            }
        }
        require(pipe != null, "pipe not found among this process's descriptors: " + link);
        try {
            ModprobeConfig c = ConfigLoader.builder().configPath(pipe.toString()).build();
            assertEquals(List.of("piped"), options(c));
            assertEquals(List.of(), c.warnings());
        } finally {
            writer.getOutputStream().close();
            writer.waitFor();
        }
    }

    private static Path mkfifo(Path path) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException e) {
            require(false, "no mkfifo: " + e);
            throw e;
        }
        require(p.waitFor() == 0, "mkfifo failed");
        return path;
    }
}
