package io.github.jkmod.cli.kmod;

import io.github.jkmod.core.nodes.StaticNode;
import java.util.Optional;

/** The output formats of {@code kmod static-nodes --format}, in kmod's order (its help lists them so). */
enum NodeFormat {
    /** The default: a block of lines per node, for people. */
    HUMAN("human", "(default) a human readable format. Do not parse."),
    /** Lines of systemd's tmpfiles.d: the node, preceded by its directory when it has one. */
    TMPFILES("tmpfiles", "the tmpfiles.d(5) format used by systemd-tmpfiles."),
    /** The lines of {@code modules.devname} again. */
    DEVNAME("devname", "the modules.devname format.");

    private final String spelling;
    private final String description;

    NodeFormat(String spelling, String description) {
        this.spelling = spelling;
        this.description = description;
    }

    /** The format named exactly {@code name}, if any. */
    static Optional<NodeFormat> named(String name) {
        for (NodeFormat f : values()) {
            if (f.spelling.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format's line in the help text ({@code \t%-12s %s\n}). */
    String helpLine() {
        StringBuilder b = new StringBuilder("\t").append(spelling);
        for (int i = spelling.length(); i < 12; i++) {
            b.append(' ');
        }
        return b.append(' ').append(description).append('\n').toString();
    }

    /** Appends what kmod prints for {@code node} in this format. */
    void write(StringBuilder out, StaticNode node) {
        String device = node.deviceName();
        switch (this) {
            case HUMAN:
                out.append("Module: ").append(node.module()).append('\n')
                        .append("\tDevice node: /dev/").append(device).append('\n')
                        .append("\t\tType: ").append(node.type() == StaticNode.Type.CHARACTER ? "character" : "block")
                        .append(" device\n")
                        .append("\t\tMajor: ").append(node.major()).append('\n')
                        .append("\t\tMinor: ").append(node.minor()).append('\n');
                break;
            case TMPFILES:
                int slash = device.lastIndexOf('/');
                if (slash >= 0) {
                    out.append("d /dev/").append(device, 0, slash).append(" 0755 - - -\n");
                }
                out.append(node.type().letter()).append("! /dev/").append(device).append(" 0600 - - - ")
                        .append(node.major()).append(':').append(node.minor()).append('\n');
                break;
            default:
                out.append(node.module()).append(' ').append(device).append(' ').append(node.type().letter())
                        .append(node.major()).append(':').append(node.minor()).append('\n');
                break;
        }
    }
}
