package io.github.jkmod.sysfs.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.jkmod.sysfs.KernelState;
import io.github.jkmod.sysfs.ProcModule;
import io.github.jkmod.sysfs.SysfsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fuzzes {@link KernelState#procModules()}: the input is the content of {@code proc/modules}
 * under an in-memory root. The parser either returns entries or throws {@link SysfsException};
 * and what it returns survives a round trip: the lines {@link ProcModule#toLine()} prints parse
 * back to equal entries. Anything else is a finding. Seeds: listings in the kernel's format.
 */
class ProcModulesFuzzTest {
    private static final FileSystem FS = Jimfs.newFileSystem(Configuration.unix());
    private static final Path ROOT = FS.getPath("/root");
    private static final Path FILE = ROOT.resolve("proc/modules");
    private static final KernelState STATE = KernelState.ofRoot(ROOT);

    @FuzzTest
    void procModules(byte[] input) throws SysfsException {
        write(input);
        List<ProcModule> modules;
        try {
            modules = STATE.procModules();
        } catch (SysfsException rejected) {
            return;
        }
        String printed = modules.stream().map(ProcModule::toLine).collect(Collectors.joining("\n", "", "\n"));
        write(printed.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<ProcModule> again = STATE.procModules();
        if (!again.equals(modules)) {
            throw new AssertionError("round trip changed the entries:\n" + modules + "\nprinted as\n" + printed
                    + "\nparsed back as\n" + again);
        }
    }

    private static void write(byte[] content) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.write(FILE, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
