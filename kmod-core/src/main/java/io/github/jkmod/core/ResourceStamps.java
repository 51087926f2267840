package io.github.jkmod.core;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a set of files and directories looked like when a context read them: for each path, and for
 * the entries of each directory that a filter selects, its modification time, size and file key
 * (the inode), or its absence. Entries are selected by a name prefix rather than a predicate: no
 * lambda on jmodprobe's start path. A later {@link #current()} that differs means something was
 * written, added, removed or renamed into place since (as {@code depmod} and package managers do).
 */
final class ResourceStamps {

    /** One path as it was; {@code time} null when it did not exist. */
    private record Stamp(Path path, FileTime time, long size, Object key, boolean directory) {
    }

    private final List<Path> paths;
    private final String entries;
    private final List<Stamp> stamps;

    private ResourceStamps(List<Path> paths, String entries) {
        this.paths = List.copyOf(paths);
        this.entries = entries;
        this.stamps = take(this.paths, entries);
    }

    /**
     * Stamps {@code paths} and, inside those that are directories, the entries whose names start
     * with {@code entries} ({@code ""}: every entry).
     */
    static ResourceStamps of(List<Path> paths, String entries) {
        return new ResourceStamps(paths, Objects.requireNonNull(entries, "entries"));
    }

    /** True when every path and selected entry still looks as it did. */
    boolean current() {
        return stamps.equals(take(paths, entries));
    }

    private static List<Stamp> take(List<Path> paths, String entries) {
        List<Stamp> out = new ArrayList<>();
        for (Path p : paths) {
            Stamp s = stamp(p);
            out.add(s);
            if (s.directory()) {
                List<Path> children = new ArrayList<>();
                try (DirectoryStream<Path> dir = Files.newDirectoryStream(p)) {
                    for (Path child : dir) {
                        if (child.getFileName().toString().startsWith(entries)) {
                            children.add(child);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    out.add(new Stamp(p.resolve("(unreadable)"), null, 0, null, false));
                }
                children.sort(null);
                for (Path child : children) {
                    out.add(stamp(child));
                }
            }
        }
        return List.copyOf(out);
    }

    private static Stamp stamp(Path p) {
        try {
            // Links are followed, as when the files are read.
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return new Stamp(p, a.lastModifiedTime(), a.size(), a.fileKey(), a.isDirectory());
        } catch (IOException | RuntimeException e) {
            return new Stamp(p, null, 0, null, false);
        }
    }

    @Override
    public String toString() {
        return "ResourceStamps" + paths;
    }
}
