package io.github.jkmod.cli.kmod;

import io.github.jkmod.cli.common.SystemErrors;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The parent directories of an output file, created as kmod's {@code mkdir_parents} creates them
 * (mode 0755, less the umask): the longest existing prefix of the part before the last {@code /}
 * is looked for backwards, then each missing component is made. Its error text is kmod's
 * {@code %m}: the error of the failed {@code mkdir}, or, when an existing component is not a
 * directory, whatever error the previous {@code stat} left ({@code Success} when there was none:
 * kmod reports {@code ENOTDIR} without setting {@code errno}).
 */
final class ParentDirectories {
    private ParentDirectories() {
    }

    /**
     * Creates the missing parents of {@code output}.
     *
     * @param output the output path as given (relative to the working directory, or absolute)
     * @return empty on success, else the text kmod prints after {@code -}
     */
    static Optional<String> create(String output) {
        int slash = output.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        // the prefix as a C string: '\0' marks where kmod cut it
        int len = slash;
        char[] b = new char[len + 1];
        output.getChars(0, len, b, 0);
        int end = len;
        String errno = "Success";
        for (;;) {
            Stat st = stat(text(b, 0));
            if (st.directory) {
                end += text(b, end).length();
                if (end == len) {
                    return Optional.empty();
                }
                b[end] = '/';
                break;
            }
            if (st.error == null) {
                return Optional.of(errno);
            }
            errno = st.error;
            if (end == 0) {
                break;
            }
            b[end] = '\0';
            while (end > 0 && b[end] != '/') {
                end--;
            }
            while (end > 0 && b[end - 1] == '/') {
                end--;
            }
        }
        while (end < len) {
            String dir = text(b, 0);
            try {
                Files.createDirectory(Path.of(dir),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            } catch (FileAlreadyExistsException e) {
                // EEXIST is no error for kmod
            } catch (IOException e) {
                return Optional.of(SystemErrors.text(e));
            }
            end += text(b, end).length();
            b[end] = '/';
        }
        return Optional.empty();
    }

    /** The C string at {@code from}: up to the next {@code '\0'} or the end. */
    private static String text(char[] b, int from) {
        int to = from;
        while (to < b.length && b[to] != '\0') {
            to++;
        }
        return new String(b, from, to - from);
    }

    /** What {@code stat} says: a directory, something else ({@code error} null), or an error. */
    private record Stat(boolean directory, String error) {
    }

    private static Stat stat(String path) {
        if (path.isEmpty()) {
            return new Stat(false, "No such file or directory");
        }
        try {
            return new Stat(Files.readAttributes(Path.of(path), BasicFileAttributes.class).isDirectory(), null);
        } catch (IOException e) {
            return new Stat(false, SystemErrors.text(e));
        }
    }
}
