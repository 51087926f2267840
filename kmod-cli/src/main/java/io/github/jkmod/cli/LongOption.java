package io.github.jkmod.cli;

/**
 * One entry of a getopt_long table: the name without the leading {@code --}, whether it takes a
 * required argument, and what it means.
 */
record LongOption(String name, boolean hasArg, OptionId id) {
}
