package io.github.jkmod.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A configuration directory that uses every modprobe.d command, for conformance runs. */
final class ConformanceConfig {

    /** Names that only the configuration answers, added to the keys of a run. */
    static final List<String> EXTRA_KEYS = List.of("myalias", "fs-myfs", "wild-anything",
            "fakemod", "removeonly", "softloop_a", "net-pf-16-proto-6", "bl-alias", "cmd-alias",
            "crc-16");

    private ConformanceConfig() {
    }

    static Path write(Path tmp) throws IOException {
        Path dir = tmp.resolve("conformance.d");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("10-alias.conf"), String.join("\n",
                "# aliases: plain, wildcard, to a module with options, to a blacklisted module",
                "alias myalias ext4",
                "alias fs-my* btrfs",
                "alias wild-* crc16",
                "alias wild-any?hing crc7",
                "alias bl-alias xfrm_user",
                "alias cmd-alias crc32c_generic",
                "alias net-pf-16-proto-6 xfrm_user",
                "options myalias viaalias=1",
                "options ext4 foo=1    bar=\"a b\"",
                "options crc16 crcopt=2",
                ""));
        Files.writeString(dir.resolve("20-blacklist.conf"), String.join("\n",
                "blacklist xfrm_user",
                "blacklist crc7",
                "blacklist e1000e",
                "blacklist pcspkr",
                ""));
        Files.writeString(dir.resolve("30-commands.conf"), String.join("\n",
                "install crc32c_generic /bin/true $CMDLINE_OPTS",
                "install fakemod /bin/echo fake",
                "install xfrm* /sbin/modprobe --ignore-install $CMDLINE_OPTS",
                "remove removeonly /bin/true",
                "install btrfs /bin/false",
                ""));
        Files.writeString(dir.resolve("40-softdep.conf"), String.join("\n",
                "softdep ext4 pre: crc16 xfrm_user post: btrfs",
                "softdep jbd* pre: crc-16",
                "softdep btrfs pre: softloop_a",
                "softdep softloop_a pre: btrfs",
                "softdep igb post: e1000e",
                "softdep mbcache pre: crc32c \\",
                "   post: crc7",
                "alias softloop_a crc_itu_t",
                ""));
        return dir;
    }
}
