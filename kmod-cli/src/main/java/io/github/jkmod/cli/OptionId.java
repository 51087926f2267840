package io.github.jkmod.cli;

/**
 * What one command-line option means, independent of how it was spelled (short letter, long name,
 * deprecated long name or unique prefix). Two long names with the same id are synonyms, which is
 * what decides whether a long-name prefix is ambiguous.
 */
enum OptionId {
    ALL, REMOVE, REMOVE_HOLDERS, WAIT, RESOLVE_ALIAS, FIRST_TIME, IGNORE_COMMANDS, USE_BLACKLIST,
    FORCE, FORCE_MODVERSION, FORCE_VERMAGIC, SHOW_DEPENDS, SHOW_CONFIG, SHOW_MODVERSIONS,
    SHOW_EXPORTS, DRY_RUN, CONFIG, DIRNAME, SET_VERSION, SYSLOG, QUIET, VERBOSE, VERSION, HELP,
    /** {@code kmod static-nodes -o, --output FILE}. */
    OUTPUT,
    /** {@code kmod static-nodes -f, --format FORMAT}. */
    FORMAT,
    /** modinfo's {@code -a -d -l -p -n -0 -m -F -b}. */
    AUTHOR, DESCRIPTION, LICENSE, PARAMETERS, FILENAME, NULL_SEPARATOR, MODNAME, FIELD, BASEDIR,
    /** jkmod's own {@code --initstate-logic=kmod18|kmod20}; not a modprobe option. */
    INITSTATE_LOGIC,
    /** jkmod's own {@code --profile=kmod30|kmod34}; not a modprobe option. */
    PROFILE,
    /** A letter a tool takes for compatibility only and ignores (kmod 30 insmod's {@code -p}). */
    COMPAT,
    /** {@code jkmod graph}: {@code --sysfs ROOT} (also devices' {@code --sysfs DIR}), {@code --reverse}, {@code --reduce}. */
    SYSFS, REVERSE, REDUCE,
    /** {@code jkmod devices} and {@code coldplug}: {@code --needed}, {@code --json}, {@code -j N}. */
    NEEDED, JSON, JOBS,
    /** {@code jkmod coldplug --settle}. */
    SETTLE
}
