package io.github.jkmod.cli.common;

import io.github.jkmod.core.KmodProfile;

import java.util.List;

/**
 * jkmod's own {@code --profile=kmod30|kmod34} (or {@code --profile VALUE}) on a small tool's command
 * line: read first, because it decides how the rest is read (each kmod release has its own option
 * string), and taken out of the arguments. Nothing after {@code --} is looked at.
 */
public final class ProfileOption {
    private ProfileOption() {
    }

    /**
     * The profile chosen by {@code args} (the last {@code --profile} wins), else {@code chosen}.
     *
     * @param programName the name an error message starts with
     * @param chosen the profile so far (of {@code JKMOD_PROFILE}, or the default)
     * @param args the arguments after the program name
     * @param rest receives {@code args} without the {@code --profile} options
     * @return the profile
     * @throws ToolUsageException for a value that names no profile
     */
    public static KmodProfile split(String programName, KmodProfile chosen, List<String> args, List<String> rest)
            throws ToolUsageException {
        KmodProfile profile = chosen;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                rest.addAll(args.subList(i, args.size()));
                break;
            }
            if (a.startsWith("--profile=")) {
                profile = ToolRun.profile(programName, "profile value", a.substring("--profile=".length()));
            } else if (a.equals("--profile") && i + 1 < args.size()) {
                profile = ToolRun.profile(programName, "profile value", args.get(++i));
            } else {
                rest.add(a);
            }
        }
        return profile;
    }
}
