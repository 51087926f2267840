package io.github.jkmod.core.config;

import static io.github.jkmod.core.config.TestFiles.messages;
import static io.github.jkmod.core.config.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Weak dependencies (kmod 33 and later, off by default because kmod 30 rejects them). The dump
 * line format is not checked against a real kmod 33+ here.
 */
class WeakdepTest {
    @TempDir
    Path dir;

    private ModprobeConfig load() {
        write(dir.resolve("conf/a.conf"), "weakdep foo-x bar-1 baz\nweakdep f* other\nweakdep only\n");
        Path moddir = dir.resolve("lib/modules/1");
        write(moddir.resolve("modules.weakdep"), "# Weak dependencies extracted from modules themselves.\n"
                + "weakdep qux quux\n");
        write(moddir.resolve("modules.softdep"), "softdep s pre: t\n");
        return ConfigLoader.builder().configPath(dir.resolve("conf")).moduleDir(moddir).weakdeps(true).build();
    }

    @Test
    void offByDefaultLikeKmod30() {
        write(dir.resolve("conf/a.conf"), "weakdep foo bar\n");
        Path moddir = dir.resolve("lib/modules/1");
        write(moddir.resolve("modules.weakdep"), "weakdep qux quux\n");
        ModprobeConfig c = ConfigLoader.builder().configPath(dir.resolve("conf")).moduleDir(moddir).build();
        assertEquals(List.of(), c.weakdeps());
        assertEquals(Optional.empty(), c.weakdep("foo"));
        assertEquals(List.of(dir.resolve("conf") + "/a.conf line 1: ignoring bad line starting with 'weakdep'"),
                messages(c));
        assertEquals("", c.dump());
    }

    @Test
    void whenOnLinesAndTheModuleDirectorysFileAreRead() {
        ModprobeConfig c = load();
        assertEquals(List.of(new WeakdepEntry("foo_x", List.of("bar-1", "baz")),
                new WeakdepEntry("f*", List.of("other")), new WeakdepEntry("qux", List.of("quux"))),
                c.weakdeps());
        assertEquals(List.of(dir.resolve("conf") + "/a.conf line 3: ignoring bad line starting with 'weakdep'"),
                messages(c));
    }

    @Test
    void theFirstMatchingPatternWins() {
        ModprobeConfig c = load();
        assertEquals(List.of("bar-1", "baz"), c.weakdep("foo-x").orElseThrow().deps());
        assertEquals(List.of("other"), c.weakdep("fred").orElseThrow().deps());
        assertEquals(Optional.empty(), c.weakdep("nothing"));
    }

    @Test
    void dumpPrintsWeakdepsAfterSoftdeps() {
        assertEquals("softdep s pre: t\nweakdep foo_x bar-1 baz\nweakdep f* other\nweakdep qux quux\n",
                load().dump());
    }
}
