package io.github.jkmod.cli;

/** One letter of a getopt option string: the letter, whether it takes a required argument, and what it means. */
record ShortOption(char letter, boolean hasArg, OptionId id) {
}
