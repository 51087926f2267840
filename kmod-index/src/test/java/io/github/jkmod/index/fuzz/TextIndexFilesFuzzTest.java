package io.github.jkmod.index.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.jkmod.KmodException;
import io.github.jkmod.index.AliasEntry;
import io.github.jkmod.index.Aliases;
import io.github.jkmod.index.IndexFormatException;
import io.github.jkmod.index.InvalidAliasException;
import io.github.jkmod.index.TextIndexFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes the text index readers of {@link TextIndexFiles} and {@link Aliases#normalize}: the input
 * is the content of a file that every reader parses in turn. Each reader either returns entries
 * or throws {@link IndexFormatException}; normalising a pattern either succeeds or throws
 * {@link InvalidAliasException}; anything else is a finding. The file lives in an in-memory file
 * system, so no other I/O error can occur. Seeds: the text files of the depmod fixture and the
 * first lines of the real Debian ones.
 */
class TextIndexFilesFuzzTest {
    private static final FileSystem FS = Jimfs.newFileSystem(Configuration.unix());
    private static final Path FILE = FS.getPath("/lib/modules/fuzz/modules.txt");

    @FuzzTest
    void textIndexFiles(byte[] input) throws KmodException {
        write(input);
        List<Reader> readers = List.of(TextIndexFiles::readDep, TextIndexFiles::readAliases,
                TextIndexFiles::readSymbols, TextIndexFiles::readBuiltin, TextIndexFiles::readOrder,
                TextIndexFiles::readDevname, TextIndexFiles::readBuiltinModinfo);
        for (Reader reader : readers) {
            try {
                reader.read(FILE);
            } catch (IndexFormatException rejected) {
                // allowed
            }
        }
        List<AliasEntry> aliases;
        try {
            aliases = TextIndexFiles.readAliases(FILE);
        } catch (IndexFormatException rejected) {
            return;
        }
        for (AliasEntry alias : aliases) {
            try {
                Aliases.normalize(alias.pattern());
            } catch (InvalidAliasException rejected) {
                // allowed
            }
        }
    }

    private static void write(byte[] input) {
        try {
            Files.createDirectories(FILE.getParent());
            Files.write(FILE, input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Reader {
        Object read(Path file) throws KmodException;
    }
}
