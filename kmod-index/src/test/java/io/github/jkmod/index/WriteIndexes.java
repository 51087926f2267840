package io.github.jkmod.index;

import io.github.jkmod.KmodException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the binary indexes of a module directory from its text files, next to them (a helper to
 * build example trees; test scope). Usage: {@code WriteIndexes DIR [pre|post]} (default
 * {@code pre}, kmod 34's layout), e.g. from the worktree root after {@code mvn -o -pl kmod-index
 * -am test-compile}:
 * <pre>
 * java -cp kmod-index/target/classes:kmod-index/target/test-classes \
 *     io.github.jkmod.index.WriteIndexes path/to/lib/modules/RELEASE
 * </pre>
 */
public final class WriteIndexes {
    private WriteIndexes() {
    }

    /** Runs the tool; exits with 2 on bad arguments and 1 on failure. */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].matches("pre|post"))) {
            System.err.println("usage: WriteIndexes DIR [pre|post]");
            System.exit(2);
        }
        IndexWriter.Layout layout = args.length == 2 && args[1].equals("post")
                ? IndexWriter.Layout.POST_ORDER : IndexWriter.Layout.PRE_ORDER;
        try {
            for (IndexKind kind : write(Path.of(args[0]), layout)) {
                System.out.println(Path.of(args[0]).resolve(kind.binaryName()));
            }
        } catch (KmodException e) {
            System.err.println("WriteIndexes: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Writes the indexes of {@code dir} into {@code dir}; returns the kinds written. */
    public static List<IndexKind> write(Path dir, IndexWriter.Layout layout) throws KmodException {
        return TextIndexBuilder.of(dir).writeAll(dir, layout);
    }
}
