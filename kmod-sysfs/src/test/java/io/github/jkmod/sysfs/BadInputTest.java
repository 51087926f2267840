package io.github.jkmod.sysfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.github.jkmod.KmodException;
import io.github.jkmod.sysfs.testing.FakeKernelTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gives a {@link SysfsException} whose message names the file (and line), never a NumberFormatException. */
class BadInputTest extends TwoFileSystemsTest {

    private static KmodException expectFailure(Path file, String what, ThrowingCall call) {
        SysfsException e = assertThrows(SysfsException.class, call::run);
        assertEquals(file + ": " + what, e.getMessage());
        assertEquals(file, e.file());
        assertEquals(OptionalInt.empty(), e.line());
        return e;
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void anInitstateThatIsNoKnownWordIsNamed(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        tree.module("x").live().tree().file("sys/module/x/initstate", "bogus\n");
        KernelState kernel = tree.kernelState();
        for (InitstateLogic logic : InitstateLogic.values()) {
            expectFailure(tree.root().resolve("sys/module/x/initstate"),
                    "unknown initstate 'bogus' (expected live, coming or going)",
                    () -> kernel.withLogic(logic).state("x"));
        }
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void anEmptyInitstateIsNamed(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        tree.module("x").live().tree().file("sys/module/x/initstate", "");
        expectFailure(tree.root().resolve("sys/module/x/initstate"),
                "unknown initstate '' (expected live, coming or going)", () -> tree.kernelState().state("x"));
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void aNonNumericRefcountIsNamedWithItsCause(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        tree.module("x").live().tree().file("sys/module/x/refcnt", "abc\n");
        KmodException e = expectFailure(tree.root().resolve("sys/module/x/refcnt"), "refcount 'abc' is not a number",
                () -> tree.kernelState().refcount("x"));
        assertInstanceOf(NumberFormatException.class, e.getCause());
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void badCoreSizesAreNamed(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        tree.module("x").live().tree().file("sys/module/x/coresize", "12k\n");
        Path file = tree.root().resolve("sys/module/x/coresize");
        expectFailure(file, "core size '12k' is not a number", () -> tree.kernelState().coreSize("x"));
        tree.file("sys/module/x/coresize", "-5\n");
        expectFailure(file, "core size '-5' is negative", () -> tree.kernelState().coreSize("x"));
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void aSectionThatIsNotHexIsNamed(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        tree.module("x").live().section(".text", 0x1000).tree().file("sys/module/x/sections/.data", "0xzz\n");
        expectFailure(tree.root().resolve("sys/module/x/sections/.data"),
                "section address '0xzz' is not a hexadecimal number", () -> tree.kernelState().sections("x"));
        tree.file("sys/module/x/sections/.data", "-0x1\n");
        expectFailure(tree.root().resolve("sys/module/x/sections/.data"),
                "section address '-0x1' is not a hexadecimal number", () -> tree.kernelState().sections("x"));
    }

    @ParameterizedTest
    @EnumSource(FileSystemKind.class)
    void anOversizedAttributeIsRefused(FileSystemKind kind) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(kind));
        tree.module("x").live().tree().file("sys/module/x/refcnt", "1".repeat(70_000));
        expectFailure(tree.root().resolve("sys/module/x/refcnt"), "larger than 65536 bytes",
                () -> tree.kernelState().refcount("x"));
    }

    @Test
    void aFileThatCannotBeReadIsNamedWithTheReason() throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(FileSystemKind.DISK));
        tree.module("x").live();
        Path initstate = tree.root().resolve("sys/module/x/initstate");
        Files.delete(initstate);
        Files.createDirectory(initstate);
        expectFailure(initstate, "cannot read: Is a directory", () -> tree.kernelState().state("x"));
    }

    @Test
    void aFileWithoutReadPermissionIsNamed() throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(FileSystemKind.DISK));
        tree.module("x").live();
        Path refcnt = tree.root().resolve("sys/module/x/refcnt");
        Files.setPosixFilePermissions(refcnt, PosixFilePermissions.fromString("-w-------"));
        assumeFalse(Files.isReadable(refcnt), "running as root: permissions are not enforced");
        expectFailure(refcnt, "cannot read: permission denied", () -> tree.kernelState().refcount("x"));
    }

    static Stream<Arguments> malformedProcModulesLines() {
        return Stream.of(
                Arguments.of("ext4 1003520 1", "malformed line 'ext4 1003520 1': "
                        + "expected 'name size refcount holders state address [(taints)]'"),
                Arguments.of("ext4 1003520 1 - Live 0x0 (E) extra", "malformed line 'ext4 1003520 1 - Live 0x0 (E) extra': "
                        + "expected 'name size refcount holders state address [(taints)]'"),
                Arguments.of("ext4 big 1 - Live 0x0", "size 'big' is not a number"),
                Arguments.of("ext4 -1 1 - Live 0x0", "size '-1' is negative"),
                Arguments.of("ext4 1003520 one - Live 0x0", "refcount 'one' is not a number"),
                Arguments.of("ext4 1003520 99999999999 - Live 0x0", "refcount '99999999999' is not a number"),
                Arguments.of("ext4 1003520 - jbd2, Live 0x0", "holders 'jbd2,' without a refcount (expected '-')"),
                Arguments.of("ext4 1003520 1 - Dead 0x0", "unknown state 'Dead' (expected Live, Loading or Unloading)"),
                Arguments.of("ext4 1003520 1 - Live ffff", "address 'ffff' is not a hexadecimal number (0x...)"),
                Arguments.of("ext4 1003520 1 - Live 0xg", "address '0xg' is not a hexadecimal number (0x...)"),
                Arguments.of("ext4 1003520 1 - Live 0x0 OE", "taints 'OE' are not '(LETTERS)'"));
    }

    @ParameterizedTest
    @MethodSource("malformedProcModulesLines")
    void aMalformedProcModulesLineIsNamedWithItsLineNumber(String line, String what) throws Exception {
        FakeKernelTree tree = FakeKernelTree.at(newRoot(FileSystemKind.JIMFS))
                .procModulesLines("loop 32768 0 - Live 0x0000000000000000", "", line);
        Path file = tree.root().resolve("proc/modules");
        SysfsException e = assertThrows(SysfsException.class, () -> tree.kernelState().procModules());
        assertEquals(file + ":3: " + what, e.getMessage());
        assertEquals(OptionalInt.of(3), e.line());
        assertEquals(file, e.file());
    }

    @Test
    void lineNumbersStartAtOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SysfsException.atLine(Path.of("f"), 0, "x"));
        assertEquals("line must be 1 or more, not 0", e.getMessage());
    }
}
