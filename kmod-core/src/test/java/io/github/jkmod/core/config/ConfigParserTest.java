package io.github.jkmod.core.config;

import static io.github.jkmod.core.config.TestFiles.loadText;
import static io.github.jkmod.core.config.TestFiles.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One configuration file, one command or edge case per test; expectations observed on kmod 30. */
class ConfigParserTest {
    @TempDir
    Path dir;

    private String bad(int line, String word) {
        return dir.resolve("test.conf") + " line " + line + ": ignoring bad line starting with '" + word + "'";
    }

    @Test
    void aliasNormalisesBothNamesButNotInsideBrackets() {
        ModprobeConfig c = loadText(dir, "alias  pci:v*d*sv-x*  my-mod\nalias foo[a-b]-x-[-_]* bar-baz\n");
        assertEquals(List.of(new ConfigAlias("pci:v*d*sv_x*", "my_mod"),
                new ConfigAlias("foo[a-b]_x_[-_]*", "bar_baz")), c.aliases());
        assertEquals(List.of(), c.warnings());
    }

    @Test
    void aliasIgnoresExtraWordsAndNeedsTwo() {
        ModprobeConfig c = loadText(dir, "alias a1 b1 c1\nalias\nalias x\nalias x \n");
        assertEquals(List.of(new ConfigAlias("a1", "b1")), c.aliases());
        assertEquals(List.of(bad(2, "alias"), bad(3, "alias"), bad(4, "alias")), messages(c));
    }

    @Test
    void unmatchedBracketsMakeABadLine() {
        ModprobeConfig c = loadText(dir, "alias foo[ bar\nalias foo] bar\nblacklist a[\noptions a] x\n"
                + "install a[ x\nremove a] x\nsoftdep a[ pre: x\nalias a-b[ c\nblacklist a-[b-]-c\n");
        assertEquals(List.of(bad(1, "alias"), bad(2, "alias"), bad(3, "blacklist"), bad(4, "options"),
                bad(5, "install"), bad(6, "remove"), bad(7, "softdep"), bad(8, "alias")), messages(c));
        assertEquals(List.of("a_[b-]_c"), c.blacklist());
    }

    @Test
    void blacklistTakesOneNormalisedName() {
        ModprobeConfig c = loadText(dir, "blacklist  some-mod\nblacklist b1 extra\nblacklist\nblacklist  b2\t\n");
        assertEquals(List.of("some_mod", "b1", "b2"), c.blacklist());
        assertEquals(List.of(bad(3, "blacklist")), messages(c));
    }

    @Test
    void optionsKeepTheRestAfterOneBlankWithTabsAsSpaces() {
        ModprobeConfig c = loadText(dir, "options  snd-hda   index=-2   model=\"a  b\"  \n"
                + "options\ttab-mod\tx=1\ty=2\t\noptions m2  \noptions m3\t\t\noptions o-2 x # not comment\n");
        assertEquals(List.of(new OptionsEntry("snd_hda", "  index=-2   model=\"a  b\"  "),
                new OptionsEntry("tab_mod", "x=1 y=2 "), new OptionsEntry("m2", " "),
                new OptionsEntry("m3", " "), new OptionsEntry("o_2", "x # not comment")), c.options());
    }

    @Test
    void optionsNeedSomethingAfterTheName() {
        ModprobeConfig c = loadText(dir, "options onlyname\noptions m1 \noptions\n");
        assertEquals(List.of(), c.options());
        assertEquals(List.of(bad(1, "options"), bad(2, "options"), bad(3, "options")), messages(c));
    }

    @Test
    void installAndRemoveKeepTheCommandAsWritten() {
        ModprobeConfig c = loadText(dir, "install  m-1   /bin/echo  hello\tworld  \nremove m-2 /bin/true\n"
                + "install i2 \ninstall i3  \nremove r1\t\tx\n");
        assertEquals(List.of(new CommandEntry("m_1", "  /bin/echo  hello\tworld  "),
                new CommandEntry("i3", " ")), c.installCommands());
        assertEquals(List.of(new CommandEntry("m_2", "/bin/true"), new CommandEntry("r1", "\tx")),
                c.removeCommands());
        assertEquals(List.of(bad(3, "install")), messages(c));
    }

    @Test
    void softdepListsPreAndPostWordsNotNormalised() {
        ModprobeConfig c = loadText(dir, "softdep s-1 pre: a-1 b_2   post:  c-3  \n");
        assertEquals(List.of(new SoftdepEntry("s_1", List.of("a-1", "b_2"), List.of("c-3"))), c.softdeps());
        assertEquals("softdep s_1 pre: a-1 b_2post: c-3\n", c.dump());
    }

    @Test
    void softdepIgnoresWordsBeforePreOrPost() {
        ModprobeConfig c = loadText(dir, "softdep s2 x y pre: z\nsoftdep cifs gcm\n");
        assertEquals(List.of(new SoftdepEntry("s2", List.of("z"), List.of()),
                new SoftdepEntry("cifs", List.of(), List.of())), c.softdeps());
        assertEquals("softdep s2 pre: z\nsoftdep cifs \n", c.dump());
    }

    @Test
    void softdepWithTwoBlanksAfterTheNameLosesItsFirstWord() {
        ModprobeConfig c = loadText(dir, "softdep  s-1  pre: a-1 b_2   post:  c-3  \nsoftdep m9  a pre: b\n"
                + "softdep m10   pre: x\n");
        assertEquals(List.of(new SoftdepEntry("s_1", List.of(), List.of("c-3")),
                new SoftdepEntry("m9", List.of("b"), List.of()),
                new SoftdepEntry("m10", List.of("x"), List.of())), c.softdeps());
        assertEquals("softdep s_1 post: c-3\nsoftdep m9 pre: b\nsoftdep m10 pre: x\n", c.dump());
    }

    @Test
    void softdepDumpPrintsBufferStretchesLikeKmod30() {
        ModprobeConfig c = loadText(dir, "softdep s3 post: p1 pre: p2 post: p3\n"
                + "softdep m2 pre: a b post: c d pre: e\nsoftdep m13 pre: a\tb\u000bc\n");
        assertEquals(new SoftdepEntry("m2", List.of("a", "b", "e"), List.of("c", "d")), c.softdeps().get(1));
        assertEquals("softdep s3 pre: p2post: p1 p2 p3\nsoftdep m2 pre: a b c d epost: c d\n"
                + "softdep m13 pre: a b c\n", c.dump());
    }

    @Test
    void softdepNeedsSomethingAfterTheName() {
        ModprobeConfig c = loadText(dir, "softdep onlyname\nsoftdep m6 \nsoftdep m7  \nsoftdep m3 pre:\n");
        assertEquals(List.of(bad(1, "softdep"), bad(2, "softdep")), messages(c));
        assertEquals("softdep m7 \nsoftdep m3 \n", c.dump());
    }

    @Test
    void weakdepIsAnUnknownCommandByDefault() {
        ModprobeConfig c = loadText(dir, "weakdep foo bar baz\n");
        assertEquals(List.of(bad(1, "weakdep")), messages(c));
        assertTrue(c.weakdeps().isEmpty());
    }

    @Test
    void commentsOnlyAtTheVeryStartOfALine() {
        ModprobeConfig c = loadText(dir, "# comment\n   # indented comment\n\n   \n\t\n");
        assertEquals(List.of(bad(2, "#")), messages(c));
    }

    @Test
    void commentSwallowsItsContinuation() {
        ModprobeConfig c = loadText(dir, "# comment \\\noptions c z\noptions d w\n");
        assertEquals(List.of(new OptionsEntry("d", "w")), c.options());
    }

    @Test
    void continuationJoinsAndWarningsNameTheLastPhysicalLine() {
        ModprobeConfig c = loadText(dir, "options o-1 a=1 \\\n   b=2\noptions o-3 \\\n\noptions o-4 a\\\nb\n"
                + "options a x \\\n# y\nfoo\n");
        assertEquals(List.of(new OptionsEntry("o_1", "a=1    b=2"), new OptionsEntry("o_4", "ab"),
                new OptionsEntry("a", "x # y")), c.options());
        assertEquals(List.of(bad(4, "options"), bad(9, "foo")), messages(c));
    }

    @Test
    void unknownCommandsAreCaseSensitiveAndTheRestOfTheFileCounts() {
        ModprobeConfig c = loadText(dir, "foo\tbar\nOPTIONS x y\nblacklist\r\noptions a b\n");
        assertEquals(List.of(bad(1, "foo"), bad(2, "OPTIONS"), bad(3, "blacklist\r")), messages(c));
        assertEquals(List.of(new OptionsEntry("a", "b")), c.options());
    }

    @Test
    void carriageReturnsAreOrdinaryCharacters() {
        ModprobeConfig c = loadText(dir, "alias b c\r\noptions a x\r\n");
        assertEquals(List.of(new ConfigAlias("b", "c\r")), c.aliases());
        assertEquals(List.of(new OptionsEntry("a", "x\r")), c.options());
    }

    @Test
    void deprecatedCommandsHaveTheirOwnMessage() {
        ModprobeConfig c = loadText(dir, "include foo\nconfig bar\ninclude\n");
        String f = dir.resolve("test.conf").toString();
        assertEquals(List.of(f + ": command include is deprecated and not parsed anymore",
                f + ": command config is deprecated and not parsed anymore",
                f + ": command include is deprecated and not parsed anymore"), messages(c));
        assertEquals(ConfigWarning.Kind.DEPRECATED_COMMAND, c.warnings().get(0).kind());
        assertEquals(1, c.warnings().get(0).line());
    }

    @Test
    void warningsKnowFileLineAndStderrText() {
        ModprobeConfig c = loadText(dir, "\nbad\n");
        ConfigWarning w = c.warnings().get(0);
        assertEquals(dir.resolve("test.conf"), w.file());
        assertEquals(2, w.line());
        assertEquals(ConfigWarning.Kind.BAD_LINE, w.kind());
        assertEquals("libkmod: ERROR ../libkmod/libkmod-config.c:712 kmod_config_parse: " + bad(2, "bad"),
                w.stderrLine());
    }

    @Test
    void nulEndsTheLine() {
        ModprobeConfig c = loadText(dir, "options a b\0c d\nblacklist x\0\nfoo\n");
        assertEquals(List.of(new OptionsEntry("a", "b")), c.options());
        assertEquals(List.of("x"), c.blacklist());
        assertEquals(List.of(bad(3, "foo")), messages(c));
    }

    @Test
    void bytesAboveAsciiArePassedThrough() {
        ModprobeConfig c = loadText(dir, "options m \u00e9\u00ff\n");
        assertEquals("\u00e9\u00ff", c.options().get(0).options());
    }

    @Test
    void longLinesHaveNoLimit() {
        String name = "a".repeat(20000);
        ModprobeConfig c = loadText(dir, "alias " + name + " b\n");
        assertEquals(name, c.aliases().get(0).pattern());
    }
}
