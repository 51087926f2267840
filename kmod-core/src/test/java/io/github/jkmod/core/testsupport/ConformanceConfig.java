package io.github.jkmod.core.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The modprobe.d directories that conformance tests give both the real modprobe and jkmod.
 *
 * <p>{@link #everyCommand} (jmodprobe's conformance suite) uses every modprobe.d command (alias,
 * options, blacklist, install, remove, softdep, and weakdep, which kmod 30 does not know),
 * comments, continued lines, bad lines, and files that are not read ({@code .hidden.conf},
 * {@code notes.txt}); its install and remove commands only run {@code /bin/echo}, {@code /bin/true}
 * and {@code /bin/false}. {@link #showDepends} (the library's {@code --show-depends} plans) has the
 * same aliases, options, blacklist and softdeps but none of the additions, no bad lines (modprobe
 * reports those on stderr, which the library does not print) and install commands of its own.
 */
public final class ConformanceConfig {

    /** Names only {@link #everyCommand} answers, added to the keys of a run. */
    public static final List<String> EVERY_COMMAND_KEYS = List.of("myalias", "fs-myfs",
            "wild-anything", "wild-x", "fakemod", "failmod", "removeonly", "softloop_a",
            "net-pf-16-proto-6", "bl-alias", "cmd-alias", "crc-16", "dual", "echo_opts", "MyAlias",
            "fs-", "wild-");

    /** Names only {@link #showDepends} answers, added to the keys of a run. */
    public static final List<String> SHOW_DEPENDS_KEYS = List.of("myalias", "fs-myfs",
            "wild-anything", "fakemod", "removeonly", "softloop_a", "net-pf-16-proto-6", "bl-alias",
            "cmd-alias", "crc-16");

    private static final List<String> ALIASES = List.of(
            "# aliases: plain, wildcard, to a module with options, to a blacklisted module",
            "alias myalias ext4",
            "alias fs-my* btrfs",
            "alias wild-* crc16",
            "alias wild-any?hing crc7",
            "alias bl-alias xfrm_user",
            "alias cmd-alias crc32c_generic",
            "alias net-pf-16-proto-6 xfrm_user");
    private static final List<String> OPTIONS = List.of(
            "options myalias viaalias=1",
            "options ext4 foo=1    bar=\"a b\"",
            "options crc16 crcopt=2");
    private static final List<String> BLACKLIST = List.of(
            "blacklist xfrm_user",
            "blacklist crc7",
            "blacklist e1000e",
            "blacklist pcspkr");
    private static final List<String> SOFTDEPS = List.of(
            "softdep ext4 pre: crc16 xfrm_user post: btrfs",
            "softdep jbd* pre: crc-16",
            "softdep btrfs pre: softloop_a",
            "softdep softloop_a pre: btrfs",
            "softdep igb post: e1000e",
            "softdep mbcache pre: crc32c \\",
            "   post: crc7");
    private static final List<String> SOFTLOOP_ALIAS = List.of("alias softloop_a crc_itu_t");

    private ConformanceConfig() {
    }

    /** Writes {@code every-command.d} under {@code parent} and returns it. */
    public static Path everyCommand(Path parent) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("every-command.d"));
        write(dir, "10-alias.conf", ALIASES, List.of(
                "alias dual dummy",
                "alias dual crc16"), OPTIONS, List.of(
                "options dummy numdummies=3 \\",
                "  cont=1",
                "options fakemod fa=1 \"fb=2 3\""));
        write(dir, "20-blacklist.conf", BLACKLIST, List.of("blacklist dummy"));
        write(dir, "30-commands.conf", List.of(
                "install crc32c_generic /bin/echo install-crc32c $CMDLINE_OPTS",
                "install fakemod /bin/echo \"fake [$MODPROBE_MODULE] [$CMDLINE_OPTS]\"",
                "install echo_opts /bin/echo \"opts [$MODPROBE_OPTIONS]\" >&2",
                "install failmod /bin/false",
                "install xfrm* /bin/echo xfrm-install",
                "install btrfs /bin/false",
                "install e1000e /bin/echo e1000e-install $CMDLINE_OPTS",
                "remove removeonly /bin/true",
                "remove crc16 /bin/echo removing crc16",
                "remove ext4 /bin/false",
                "remove fakemod /bin/echo remove-fake"));
        write(dir, "40-softdep.conf", SOFTDEPS, List.of("softdep fakemod pre: crc16 post: failmod"),
                SOFTLOOP_ALIAS);
        write(dir, "50-odd.conf", List.of(
                "weakdep ext4 crc7",
                "frobnicate everything",
                "alias lonely",
                "options",
                "   # an indented comment",
                "\t",
                "install"));
        write(dir, ".hidden.conf", List.of("alias hidden-alias ext4"));
        write(dir, "notes.txt", List.of("alias notes-alias ext4"));
        return dir;
    }

    /** Writes {@code conformance.d} under {@code parent} and returns it. */
    public static Path showDepends(Path parent) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("conformance.d"));
        write(dir, "10-alias.conf", ALIASES, OPTIONS);
        write(dir, "20-blacklist.conf", BLACKLIST);
        write(dir, "30-commands.conf", List.of(
                "install crc32c_generic /bin/true $CMDLINE_OPTS",
                "install fakemod /bin/echo fake",
                "install xfrm* /sbin/modprobe --ignore-install $CMDLINE_OPTS",
                "remove removeonly /bin/true",
                "install btrfs /bin/false"));
        write(dir, "40-softdep.conf", SOFTDEPS, SOFTLOOP_ALIAS);
        return dir;
    }

    /** Writes the lines of {@code parts}, each ended by a newline, one byte per char. */
    @SafeVarargs
    private static void write(Path dir, String name, List<String>... parts) throws IOException {
        StringBuilder text = new StringBuilder();
        for (List<String> part : parts) {
            for (String line : part) {
                text.append(line).append('\n');
            }
        }
        Files.writeString(dir.resolve(name), text, StandardCharsets.ISO_8859_1);
    }
}
