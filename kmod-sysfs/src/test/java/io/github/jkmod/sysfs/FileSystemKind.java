package io.github.jkmod.sysfs;

/** Where a test's fake root lives: a real directory ({@code @TempDir}) or an in-memory Jimfs. */
public enum FileSystemKind {
    /** The default file system, under JUnit's {@code @TempDir}. */
    DISK,
    /** A fresh Jimfs (Unix configuration), root {@code /fake/root}. */
    JIMFS
}
