package io.github.jkmod.cli.insmod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jkmod.cli.ToolAccess;
import io.github.jkmod.cli.common.ToolHarness;
import io.github.jkmod.cli.common.ToolHarness.Outcome;
import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.testsupport.Oracle;
import io.github.jkmod.testsupport.Prerequisites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * jkmod's {@code insmod} against the real one of the chosen oracle ({@link Oracle#current()}), byte
 * for byte and exit status, on this machine's kernel: usage, help, options, missing and odd files,
 * and the insertions themselves, which a kernel without module support refuses with
 * {@code ENOSYS} (a kernel with it refuses the fixtures, which are no modules, with {@code ENOEXEC}:
 * the comparison holds either way). Both run as root in the same working directory. The one
 * intended difference: {@code -V} names jkmod.
 */
class InsmodConformanceTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void fixtures() throws IOException {
        Prerequisites.require("root".equals(System.getProperty("user.name")),
                "root: the real insmod is compared on its system calls");
        byte[] elf = new byte[256];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        Files.write(dir.resolve("jkmod_fake.ko"), elf);
        Files.write(dir.resolve("jkmod-dash.ko"), elf);
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (XZOutputStream out = new XZOutputStream(xz, new LZMA2Options())) {
            out.write(elf);
        }
        Files.write(dir.resolve("jkmod_fake.ko.xz"), xz.toByteArray());
        Files.writeString(dir.resolve("garbage.ko.xz"), "garbage, no xz magic\n");
        Files.writeString(dir.resolve("notelf.txt"), "hello\n");
        Files.write(dir.resolve("empty.ko"), new byte[0]);
        Files.write(dir.resolve("short.ko"), new byte[] {0x7f, 'E', 'L', 'F', 2});
        Files.write(dir.resolve("six.ko"), new byte[] {0x7f, 'E', 'L', 'F', 2, 1});
        Files.createDirectories(dir.resolve("a.ko"));
    }

    static List<List<String>> commands() {
        String d = dir.toString();
        String ko = d + "/jkmod_fake.ko";
        List<List<String>> c = new ArrayList<>();
        for (List<String> usage : List.of(List.<String>of(), List.of("-h"), List.of("--help"), List.of("-x"),
                List.of("--foo"), List.of("--vers"), List.of("--he"), List.of("-h", "-x"), List.of("-x", "-h"),
                List.of("--help=x"), List.of("-"), List.of("-f"), List.of("-s"), List.of("-p"), List.of("-v"),
                List.of("--force"), List.of("--syslog"), List.of("--verbose"), List.of("-fsv"), List.of("-psf"),
                List.of("--", "-f"), List.of(""), List.of("-h", "x"), List.of(ko, "-h"), List.of(ko, "--", "-h"))) {
            c.add(usage);
        }
        for (String file : List.of(ko, d + "/jkmod-dash.ko", d + "/jkmod_fake.ko.xz", d + "/garbage.ko.xz",
                d + "/notelf.txt", d + "/empty.ko", d + "/short.ko", d + "/six.ko", d + "/a.ko", d + "/a.ko/",
                d, d + "/", d + "/missing.ko", d + "/notelf.txt/x.ko", d + "/nodir/x.ko", "missing.ko",
                ko + "/")) {
            c.add(List.of(file));
        }
        c.add(List.of(ko, "a=1", "b=x y", "c='q r'", "d=\"s t\"", "e", "f=", "=g h"));
        c.add(List.of("-f", ko));
        c.add(List.of(ko, "-f"));
        c.add(List.of(ko, "x=1", "-f", "y=2"));
        c.add(List.of("--force", ko));
        c.add(List.of("-s", ko));
        c.add(List.of("--syslog", ko));
        c.add(List.of("-s", d + "/missing.ko"));
        c.add(List.of("-p", ko));
        c.add(List.of("-v", ko));
        c.add(List.of("-vv", ko));
        c.add(List.of("-vvv", ko));
        c.add(List.of("-vvv", d + "/missing.ko"));
        c.add(List.of("-vvv", d + "/empty.ko"));
        c.add(List.of("-vvv", "-"));
        c.add(List.of("-vvv"));
        return c;
    }

    @ParameterizedTest(name = "insmod {0}")
    @MethodSource("commands")
    void insmodLikeTheRealOne(List<String> args) {
        Path real = Oracle.current().tool("insmod");
        Outcome expected = ToolHarness.real(real, args).normalised();
        Outcome actual = ToolHarness.jkmod(Path.of("/"), Oracle.current().withProfile(Map.of()), real.toString(), args)
                .normalised();
        String what = "insmod " + args + " against " + Oracle.current().description();
        if (expected.stdout().startsWith("kmod version ")) {
            KmodProfile profile = KmodProfile.fromName(Oracle.current().profile());
            assertTrue(expected.stdout().startsWith("kmod version " + profile.kmodVersion() + "\n"), what);
            expected = new Outcome(ToolAccess.versionText(profile), expected.stderr(), expected.status());
        }
        assertEquals(expected, actual, what);
    }

    static List<List<String>> versions() {
        return List.of(List.of("-V"), List.of("--version"), List.of("-V", "x.ko"), List.of("-fV"));
    }

    @ParameterizedTest(name = "insmod {0}")
    @MethodSource("versions")
    void versionIsJkmodsWithTheProfilesKmodRelease(List<String> args) {
        insmodLikeTheRealOne(args);
    }
}
