package io.github.jkmod.cli.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A configuration directory that uses every modprobe.d command (alias, options, blacklist,
 * install, remove, softdep, and weakdep, which kmod 30 does not know), comments, continued lines,
 * bad lines, and files that are not read ({@code .hidden.conf}, {@code notes.txt}). Install and
 * remove commands only run {@code /bin/echo}, {@code /bin/true} and {@code /bin/false}.
 */
final class EveryCommandConfig {

    /** Names only this configuration answers, added to the keys of a run. */
    static final List<String> EXTRA_KEYS = List.of("myalias", "fs-myfs", "wild-anything",
            "wild-x", "fakemod", "failmod", "removeonly", "softloop_a", "net-pf-16-proto-6",
            "bl-alias", "cmd-alias", "crc-16", "dual", "echo_opts", "MyAlias", "fs-", "wild-");

    private EveryCommandConfig() {
    }

    /** Writes the directory under {@code parent} and returns it. */
    static Path write(Path parent) throws IOException {
        Path dir = parent.resolve("every-command.d");
        Files.createDirectories(dir);
        write(dir, "10-alias.conf",
                "# aliases: plain, wildcard, to a module with options, to a blacklisted module",
                "alias myalias ext4",
                "alias fs-my* btrfs",
                "alias wild-* crc16",
                "alias wild-any?hing crc7",
                "alias bl-alias xfrm_user",
                "alias cmd-alias crc32c_generic",
                "alias net-pf-16-proto-6 xfrm_user",
                "alias dual dummy",
                "alias dual crc16",
                "options myalias viaalias=1",
                "options ext4 foo=1    bar=\"a b\"",
                "options crc16 crcopt=2",
                "options dummy numdummies=3 \\",
                "  cont=1",
                "options fakemod fa=1 \"fb=2 3\"",
                "");
        write(dir, "20-blacklist.conf",
                "blacklist xfrm_user",
                "blacklist crc7",
                "blacklist e1000e",
                "blacklist pcspkr",
                "blacklist dummy",
                "");
        write(dir, "30-commands.conf",
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
                "remove fakemod /bin/echo remove-fake",
                "");
        write(dir, "40-softdep.conf",
                "softdep ext4 pre: crc16 xfrm_user post: btrfs",
                "softdep jbd* pre: crc-16",
                "softdep btrfs pre: softloop_a",
                "softdep softloop_a pre: btrfs",
                "softdep igb post: e1000e",
                "softdep mbcache pre: crc32c \\",
                "   post: crc7",
                "softdep fakemod pre: crc16 post: failmod",
                "alias softloop_a crc_itu_t",
                "");
        write(dir, "50-odd.conf",
                "weakdep ext4 crc7",
                "frobnicate everything",
                "alias lonely",
                "options",
                "   # an indented comment",
                "\t",
                "install",
                "");
        write(dir, ".hidden.conf", "alias hidden-alias ext4", "");
        write(dir, "notes.txt", "alias notes-alias ext4", "");
        return dir;
    }

    private static void write(Path dir, String name, String... lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines), StandardCharsets.ISO_8859_1);
    }
}
