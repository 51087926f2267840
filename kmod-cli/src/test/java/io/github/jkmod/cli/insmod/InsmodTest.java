package io.github.jkmod.cli.insmod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.cli.SyslogSink;
import io.github.jkmod.cli.common.RecordingSyslog;
import io.github.jkmod.cli.common.ToolHarness;
import io.github.jkmod.cli.common.ToolHarness.Outcome;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.core.kernel.Errno;
import io.github.jkmod.core.kernel.KernelCalls;
import io.github.jkmod.core.kernel.testing.FakeKernel;
import io.github.jkmod.core.kernel.testing.FakeKernel.Call;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import io.github.jkmod.sysfs.testing.FakeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * jkmod's {@code insmod} on a fake kernel: what reaches the kernel (call, parameters, flags) and
 * every message a kernel answer gives, under both profiles. The texts are kmod's, as
 * {@link InsmodConformanceTest} checks on the real tools where this machine's kernel can answer (it
 * has no module support: only {@code ENOSYS}); the QEMU {@code functional} scenario checks them in
 * a real kernel.
 */
class InsmodTest {
    @TempDir
    Path dir;

    private FakeKernelTree tree;
    private FakeKernel kernel;
    private Path ko;

    @BeforeEach
    void setUp() throws IOException {
        tree = FakeKernelTree.at(dir.resolve("root"));
        kernel = FakeKernel.on(tree);
        ko = dir.resolve("jkmod-a.ko");
        Files.write(ko, elf());
    }

    private static byte[] elf() {
        byte[] image = new byte[128];
        image[0] = 0x7f;
        image[1] = 'E';
        image[2] = 'L';
        image[3] = 'F';
        return image;
    }

    private Outcome insmod(KmodProfile profile, SyslogSink syslog, String... args) {
        return ToolHarness.jkmod(run -> Insmod.run("insmod", List.of(args), run, kernel), tree.root(),
                Map.of(KmodProfile.ENVIRONMENT_VARIABLE, profile.cliName()), syslog);
    }

    private Outcome insmod(KmodProfile profile, String... args) {
        return insmod(profile, SyslogSink.DISCARD, args);
    }

    @Test
    void insertsTheFileWithItsParametersQuotedAsKmod34Does() {
        assertEquals(new Outcome("", "", 0), insmod(KmodProfile.KMOD_34, ko.toString(), "a=1", "b=x y", "c='q r'", "d"));
        assertEquals(FakeModule.Phase.LIVE, kernel.phase("jkmod_a"));
        FakeKernel.Invocation call = kernel.calls().get(0);
        assertEquals(Call.FINIT_MODULE, call.call());
        assertEquals("jkmod_a", call.module());
        assertEquals("a=1 b=\"x y\" c='q r' d", call.params());
        assertEquals(0, call.flags());
    }

    @Test
    void kmod30JoinsTheParametersAsTheyAre() {
        assertEquals(new Outcome("", "", 0), insmod(KmodProfile.KMOD_30, ko.toString(), "a=1", "b=x y"));
        assertEquals("a=1 b=x y", kernel.calls().get(0).params());
    }

    @ParameterizedTest
    @CsvSource({"kmod30, -f", "kmod34, -f", "kmod34, --force"})
    void forceIgnoresModversionsAndVermagic(String profile, String option) {
        assertEquals(0, insmod(KmodProfile.fromName(profile), option, ko.toString()).status());
        assertEquals(KernelCalls.FINIT_IGNORE_MODVERSIONS | KernelCalls.FINIT_IGNORE_VERMAGIC,
                kernel.calls().get(0).flags());
    }

    @ParameterizedTest
    @CsvSource({"kmod30", "kmod34"})
    void anAlreadyLoadedModuleIsFileExists(String profile) {
        assertEquals(0, insmod(KmodProfile.fromName(profile), ko.toString()).status());
        assertEquals(new Outcome("", "insmod: ERROR: could not insert module " + ko + ": File exists\n", 1),
                insmod(KmodProfile.fromName(profile), ko.toString()));
    }

    @ParameterizedTest
    @CsvSource({"ENOENT, Unknown symbol in module", "ENOEXEC, Invalid module format",
        "ESRCH, Module has wrong symbol version", "EINVAL, Invalid parameters", "EPERM, Operation not permitted",
        "EBUSY, Device or resource busy", "ENOSYS, Function not implemented"})
    void kernelAnswersAreInsmodsTexts(String errno, String text) throws Exception {
        int number = Errno.class.getField(errno).getInt(null);
        for (KmodProfile profile : KmodProfile.values()) {
            kernel.failNext(Call.FINIT_MODULE, number);
            if (number == Errno.ENOSYS) {
                kernel.failNext(Call.INIT_MODULE, number);
            }
            assertEquals(new Outcome("", "insmod: ERROR: could not insert module " + ko + ": " + text + "\n", 1),
                    insmod(profile, ko.toString()), profile + " " + errno);
        }
    }

    @Test
    void aCompressedFileGoesToTheKernelWhenItDecompressesThatMethod() throws IOException {
        Path xz = dir.resolve("jkmod_x.ko.xz");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XZOutputStream out = new XZOutputStream(bytes, new LZMA2Options())) {
            out.write(elf());
        }
        Files.write(xz, bytes.toByteArray());
        assertEquals(new Outcome("", "", 0), insmod(KmodProfile.KMOD_34, xz.toString()));
        assertEquals(Call.INIT_MODULE, kernel.calls().get(0).call());
        assertEquals(128, kernel.calls().get(0).image().length);
        tree.compression("xz");
        Path other = Files.copy(xz, dir.resolve("jkmod_y.ko.xz"));
        assertEquals(0, insmod(KmodProfile.KMOD_34, "-f", other.toString(), "p=1").status());
        FakeKernel.Invocation call = kernel.calls().get(1);
        assertEquals(Call.FINIT_MODULE, call.call());
        assertEquals(KernelCalls.FINIT_COMPRESSED_FILE | 3, call.flags());
        assertEquals("p=1", call.params());
    }

    @Test
    void syslogTakesTheErrorsInKmod34AndIsIgnoredByKmod30() {
        kernel.failAlways(Call.FINIT_MODULE, Errno.EPERM);
        RecordingSyslog syslog = new RecordingSyslog();
        assertEquals(new Outcome("", "", 1), insmod(KmodProfile.KMOD_34, syslog, "-s", ko.toString()));
        assertEquals(List.of("3 ERROR: could not insert module " + ko + ": Operation not permitted"),
                syslog.messages());
        assertEquals(new Outcome("", "insmod: ERROR: could not insert module " + ko + ": Operation not permitted\n", 1),
                insmod(KmodProfile.KMOD_30, syslog, "-s", ko.toString()));
        assertEquals(1, syslog.messages().size());
    }

    @Test
    void verboseKmod34ShowsLibkmodsInfoMessages() {
        kernel.failNext(Call.FINIT_MODULE, Errno.EEXIST);
        String info = "insmod: INFO: Failed to insert module '" + ko + "': File exists\n";
        assertEquals(new Outcome("", "insmod: INFO: custom logging function 0x55555555a000 registered\n" + info
                + "insmod: ERROR: could not insert module " + ko + ": File exists\n"
                + "insmod: INFO: context 0x55555555a000 released\n", 1), insmod(KmodProfile.KMOD_34, "-vvv", ko.toString()));
    }

    @Test
    void anUnknownProfileIsAUsageError() {
        assertEquals(new Outcome("", "insmod: ERROR: unexpected profile value 'kmod99' (expected kmod30 or kmod34).\n", 1),
                insmod(KmodProfile.KMOD_34, "--profile=kmod99", ko.toString()));
        assertEquals(List.of(), kernel.calls());
    }

    @Test
    void theProfileOptionChoosesTheCommandLine() {
        // kmod 30 has no -v
        assertEquals(new Outcome("", "insmod: invalid option -- 'v'\n", 1),
                insmod(KmodProfile.KMOD_34, "--profile=kmod30", "-v", ko.toString()));
        assertEquals(0, insmod(KmodProfile.KMOD_30, "--profile", "kmod34", "-v", ko.toString()).status());
    }
}
