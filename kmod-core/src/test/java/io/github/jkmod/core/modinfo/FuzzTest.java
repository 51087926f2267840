package io.github.jkmod.core.modinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jkmod.core.elf.ElfBuilder;
import io.github.jkmod.core.elf.ModuleFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of randomly damaged modules (fixed seed): every accessor either answers or throws
 * {@link ModuleFormatException}; no other exception escapes.
 */
class FuzzTest {
    private static final int ROUNDS = 3000;
    private static final int CALLS = 7;

    private static List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(ElfBuilder.elf64(false).modinfo("name", "m").parm("p", "d", "int").version(1, "module_layout")
                .export(2, "sym").exportAbsoluteCrc(3, "abs").append(ElfBuilder.pkcs7Trailer(SignatureTest.der("s5")))
                .build());
        seeds.add(ElfBuilder.elf32(true).modinfo("name", "m").version(1, "module_layout").exportWithoutCrc("x")
                .append(ElfBuilder.signatureTrailer(1, 4, 0, new byte[] {'s'}, new byte[] {1}, new byte[] {2})).build());
        seeds.add(CompressedModulesTest.compress(Compression.XZ, seeds.get(0)));
        seeds.add(CompressedModulesTest.compress(Compression.ZSTD, seeds.get(0)));
        seeds.add(CompressedModulesTest.compress(Compression.GZIP, seeds.get(1)));
        Path real = io.github.jkmod.testsupport.FetchedTree.location();
        try (var s = Files.walk(real)) {
            s.filter(p -> p.toString().endsWith("/kernel/lib/crc8.ko")).findFirst()
                    .ifPresent(p -> seeds.add(readUnchecked(p)));
        } catch (java.io.IOException absent) {
            // the real tree is optional here
        }
        return seeds;
    }

    private static byte[] readUnchecked(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void damagedModulesOnlyEverThrowModuleFormatException() throws Exception {
        Random random = new Random(20240601);
        List<byte[]> seeds = seeds();
        int unreadable = 0;
        int answers = 0;
        int refusals = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] data = seeds.get(round % seeds.size()).clone();
            int changes = 1 + random.nextInt(8);
            for (int i = 0; i < changes; i++) {
                int at = random.nextInt(data.length);
                data[at] = random.nextInt(3) == 0 ? (byte) 0xff : (byte) random.nextInt(256);
            }
            if (random.nextInt(10) == 0) {
                data = java.util.Arrays.copyOf(data, random.nextInt(data.length));
            }
            ModuleFile m;
            try {
                m = ModuleFile.of(Path.of("fuzz.ko"), data);
            } catch (ModuleFormatException expected) {
                unreadable++;
                continue;
            }
            int answered = probe(m);
            answers += answered;
            refusals += CALLS - answered;
        }
        // any other exception would have ended the test; each outcome must also really occur
        assertEquals(true, unreadable > 0 && answers > 0 && refusals > 0,
                unreadable + " unreadable, " + answers + " answers, " + refusals + " refusals");
    }

    /** Calls every accessor; counts those that answered. */
    private static int probe(ModuleFile m) {
        int answered = 0;
        List<ThrowingCall> calls = List.of(m::modinfo, m::info, m::versions, m::exports, m::signature,
                m::withoutVermagic, m::hasExportTable);
        for (ThrowingCall c : calls) {
            try {
                c.call();
                answered++;
            } catch (ModuleFormatException expected) {
                // fine
            }
        }
        m.withoutModversions();
        return answered;
    }

    private interface ThrowingCall {
        Object call() throws ModuleFormatException;
    }
}
