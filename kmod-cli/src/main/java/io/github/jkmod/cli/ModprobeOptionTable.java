package io.github.jkmod.cli;

import java.util.List;

/**
 * modprobe's option tables as kmod 30 declares them: the short option string
 * {@code arw:RibfDcnC:d:S:sqvVh} and the long options in table order. The order matters: it is the
 * order in which an ambiguous prefix lists its possibilities (observed with {@code modprobe --=}).
 */
final class ModprobeOptionTable {
    /** The short options, in the order of the option string {@code arw:RibfDcnC:d:S:sqvVh}. */
    static final List<ShortOption> SHORT = List.of(
            new ShortOption('a', false, OptionId.ALL),
            new ShortOption('r', false, OptionId.REMOVE),
            new ShortOption('w', true, OptionId.WAIT),
            new ShortOption('R', false, OptionId.RESOLVE_ALIAS),
            new ShortOption('i', false, OptionId.IGNORE_COMMANDS),
            new ShortOption('b', false, OptionId.USE_BLACKLIST),
            new ShortOption('f', false, OptionId.FORCE),
            new ShortOption('D', false, OptionId.SHOW_DEPENDS),
            new ShortOption('c', false, OptionId.SHOW_CONFIG),
            new ShortOption('n', false, OptionId.DRY_RUN),
            new ShortOption('C', true, OptionId.CONFIG),
            new ShortOption('d', true, OptionId.DIRNAME),
            new ShortOption('S', true, OptionId.SET_VERSION),
            new ShortOption('s', false, OptionId.SYSLOG),
            new ShortOption('q', false, OptionId.QUIET),
            new ShortOption('v', false, OptionId.VERBOSE),
            new ShortOption('V', false, OptionId.VERSION),
            new ShortOption('h', false, OptionId.HELP));

    /** The long options of modprobe, in kmod's table order. */
    static final List<LongOption> LONG = List.of(
            new LongOption("all", false, OptionId.ALL),
            new LongOption("remove", false, OptionId.REMOVE),
            new LongOption("remove-dependencies", false, OptionId.REMOVE_HOLDERS),
            new LongOption("remove-holders", false, OptionId.REMOVE_HOLDERS),
            new LongOption("wait", true, OptionId.WAIT),
            new LongOption("resolve-alias", false, OptionId.RESOLVE_ALIAS),
            new LongOption("first-time", false, OptionId.FIRST_TIME),
            new LongOption("ignore-install", false, OptionId.IGNORE_COMMANDS),
            new LongOption("ignore-remove", false, OptionId.IGNORE_COMMANDS),
            new LongOption("use-blacklist", false, OptionId.USE_BLACKLIST),
            new LongOption("force", false, OptionId.FORCE),
            new LongOption("force-modversion", false, OptionId.FORCE_MODVERSION),
            new LongOption("force-vermagic", false, OptionId.FORCE_VERMAGIC),
            new LongOption("show-depends", false, OptionId.SHOW_DEPENDS),
            new LongOption("showconfig", false, OptionId.SHOW_CONFIG),
            new LongOption("show-config", false, OptionId.SHOW_CONFIG),
            new LongOption("show-modversions", false, OptionId.SHOW_MODVERSIONS),
            new LongOption("dump-modversions", false, OptionId.SHOW_MODVERSIONS),
            new LongOption("show-exports", false, OptionId.SHOW_EXPORTS),
            new LongOption("dry-run", false, OptionId.DRY_RUN),
            new LongOption("show", false, OptionId.DRY_RUN),
            new LongOption("config", true, OptionId.CONFIG),
            new LongOption("dirname", true, OptionId.DIRNAME),
            new LongOption("set-version", true, OptionId.SET_VERSION),
            new LongOption("syslog", false, OptionId.SYSLOG),
            new LongOption("quiet", false, OptionId.QUIET),
            new LongOption("verbose", false, OptionId.VERBOSE),
            new LongOption("version", false, OptionId.VERSION),
            new LongOption("help", false, OptionId.HELP));

    /**
     * jkmod's own long options. They match only when spelled out in full, and only after the
     * modprobe table found nothing, so that every prefix modprobe accepts or rejects keeps its
     * meaning and its message ({@code --i} stays {@code --ignore-install}).
     */
    static final List<LongOption> EXTRA = List.of(
            new LongOption("initstate-logic", true, OptionId.INITSTATE_LOGIC),
            new LongOption("profile", true, OptionId.PROFILE));

    private ModprobeOptionTable() {
    }
}
