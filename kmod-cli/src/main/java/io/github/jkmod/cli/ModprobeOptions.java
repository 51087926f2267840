package io.github.jkmod.cli;

import io.github.jkmod.core.KmodProfile;
import io.github.jkmod.sysfs.InitstateLogic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a modprobe command line says, once parsed by {@link OptionParser}: every option as
 * kmod 30's modprobe records it, the operands in order, and jkmod's own initstate choice.
 *
 * @param all {@code -a}: every operand is a module name
 * @param remove {@code -r}: remove instead of insert
 * @param removeHolders {@code --remove-holders} (or the deprecated {@code --remove-dependencies})
 * @param waitMsec {@code -w MSEC}, an unsigned 64-bit value read like C's {@code strtoul(s, 0)}
 *     ({@code -1} means 2<sup>64</sup>-1; compare with {@link Long#compareUnsigned}); 0 when absent
 * @param firstTime {@code --first-time}
 * @param ignoreCommands {@code -i} ({@code --ignore-install}, {@code --ignore-remove})
 * @param useBlacklist {@code -b}
 * @param forceModversion {@code --force-modversion}, or {@code -f}
 * @param forceVermagic {@code --force-vermagic}, or {@code -f}
 * @param resolveAlias {@code -R}: only print what the names resolve to
 * @param showDepends {@code -D}: print the load list, ignoring loaded state, changing nothing
 * @param showConfig {@code -c}
 * @param showModversions {@code --show-modversions} ({@code --dump-modversions})
 * @param showExports {@code --show-exports}
 * @param dryRun {@code -n} ({@code --dry-run}, {@code --show}); see also {@link #isDryRun()}
 * @param configPaths {@code -C PATH}, every occurrence in order; empty for the default directories
 * @param root {@code -d DIR} (the last one), exactly as given, possibly empty
 * @param kernelVersion {@code -S VERSION} (the last one)
 * @param syslog {@code -s}: messages go to syslog instead of stderr
 * @param logPriority the syslog priority up to which messages are printed, as kmod computes it:
 *     {@link Log#WARNING} (4) to start with, plus one per {@code -v}, set to 0 by {@code -q}, in
 *     command-line order ({@code -q -v} gives 1)
 * @param operands the non-option arguments in order (module names, module parameters, file names)
 * @param initstateLogic how module state is read (jkmod's {@code --initstate-logic} or
 *     {@code JKMOD_INITSTATE_LOGIC}; {@link InitstateLogic#KMOD_20} by default)
 * @param profile which kmod release to follow where releases differ (jkmod's {@code --profile} or
 *     {@code JKMOD_PROFILE}; {@link KmodProfile#DEFAULT} by default)
 * @param childModprobeOptions the value {@code MODPROBE_OPTIONS} must have in the environment of
 *     install and remove commands: the inherited value with {@code -s}, {@code -q}, {@code -v} and
 *     {@code -C PATH} appended in order, each after one space; empty when neither exists
 */
public record ModprobeOptions(
        boolean all,
        boolean remove,
        boolean removeHolders,
        long waitMsec,
        boolean firstTime,
        boolean ignoreCommands,
        boolean useBlacklist,
        boolean forceModversion,
        boolean forceVermagic,
        boolean resolveAlias,
        boolean showDepends,
        boolean showConfig,
        boolean showModversions,
        boolean showExports,
        boolean dryRun,
        List<String> configPaths,
        Optional<String> root,
        Optional<String> kernelVersion,
        boolean syslog,
        int logPriority,
        List<String> operands,
        InitstateLogic initstateLogic,
        KmodProfile profile,
        Optional<String> childModprobeOptions) {

    /**
     * Copies the lists and checks that nothing is null.
     *
     * @param all {@code -a}
     * @param remove {@code -r}
     * @param removeHolders {@code --remove-holders}
     * @param waitMsec {@code -w MSEC}, unsigned; 0 when absent
     * @param firstTime {@code --first-time}
     * @param ignoreCommands {@code -i}
     * @param useBlacklist {@code -b}
     * @param forceModversion {@code --force-modversion}
     * @param forceVermagic {@code --force-vermagic}
     * @param resolveAlias {@code -R}
     * @param showDepends {@code -D}
     * @param showConfig {@code -c}
     * @param showModversions {@code --show-modversions}
     * @param showExports {@code --show-exports}
     * @param dryRun {@code -n}
     * @param configPaths the {@code -C} paths, in order; copied
     * @param root {@code -d DIR}, or empty
     * @param kernelVersion {@code -S VERSION}, or empty
     * @param syslog {@code -s}
     * @param logPriority the priority threshold of messages
     * @param operands the non-option arguments; copied
     * @param initstateLogic how module state is read
     * @param profile which kmod release to follow
     * @param childModprobeOptions the {@code MODPROBE_OPTIONS} of commands, or empty
     */
    public ModprobeOptions {
        configPaths = List.copyOf(configPaths);
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(kernelVersion, "kernelVersion");
        operands = List.copyOf(operands);
        Objects.requireNonNull(initstateLogic, "initstateLogic");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(childModprobeOptions, "childModprobeOptions");
    }

    /**
     * What this command line does (see {@link ModprobeAction} for the precedence).
     *
     * @return the one action this command line asks for
     */
    public ModprobeAction action() {
        if (showConfig) {
            return ModprobeAction.SHOW_CONFIG;
        } else if (showModversions) {
            return ModprobeAction.SHOW_MODVERSIONS;
        } else if (showExports) {
            return ModprobeAction.SHOW_EXPORTS;
        } else if (remove) {
            return ModprobeAction.REMOVE;
        }
        return ModprobeAction.INSERT;
    }

    /**
     * The modules to act on: every operand with {@code -a}, else the first operand only.
     *
     * @return the module names, in order
     */
    public List<String> moduleNames() {
        if (all || operands.isEmpty()) {
            return operands;
        }
        return List.of(operands.get(0));
    }

    /**
     * The module parameters given on the command line (the operands after the first, without
     * {@code -a}), joined as modprobe joins them: a parameter {@code key=value} whose value
     * contains a space and does not start with a quote becomes {@code key="value"}; parameters are
     * separated by one space, except that no space is put while nothing has been written yet (so
     * leading empty parameters vanish and later ones leave two spaces). Empty with {@code -a}.
     *
     * @return the parameters, as one string
     */
    public String moduleParameters() {
        if (all) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < operands.size(); i++) {
            String p = operands.get(i);
            if (out.length() > 0) {
                out.append(' ');
            }
            int eq = p.indexOf('=');
            String value = eq < 0 ? "" : p.substring(eq + 1);
            boolean quote = eq >= 0 && !value.startsWith("\"") && !value.startsWith("'")
                    && value.indexOf(' ') >= 0;
            if (quote) {
                out.append(p, 0, eq + 1).append('"').append(value).append('"');
            } else {
                out.append(p);
            }
        }
        return out.toString();
    }

    /**
     * True with {@code -n} or {@code -D}: nothing is loaded, removed or run.
     *
     * @return whether this run changes nothing
     */
    public boolean isDryRun() {
        return dryRun || showDepends;
    }

    /**
     * True with {@code -D}: modules already in the kernel are listed as if they were not.
     *
     * @return whether the loaded state is ignored
     */
    public boolean ignoreLoaded() {
        return showDepends;
    }

    /**
     * The module directory modprobe uses, as a string built like kmod builds it:
     * {@code ROOT/lib/modules/VERSION} where ROOT is {@code -d} (nothing when absent) and VERSION is
     * {@code -S} or else {@code unameRelease}. No normalisation: {@code -d foo/} gives
     * {@code foo//lib/modules/...}, which is what modprobe's messages show.
     *
     * @param unameRelease the running kernel's release, used when {@code -S} is absent
     * @return the module directory, e.g. {@code /lib/modules/RELEASE}
     */
    public String moduleDirectory(String unameRelease) {
        return root.orElse("") + "/lib/modules/" + kernelVersion.orElse(unameRelease);
    }

    /**
     * A builder holding these values.
     *
     * @return a new builder, for a changed copy
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.all = all;
        b.remove = remove;
        b.removeHolders = removeHolders;
        b.waitMsec = waitMsec;
        b.firstTime = firstTime;
        b.ignoreCommands = ignoreCommands;
        b.useBlacklist = useBlacklist;
        b.forceModversion = forceModversion;
        b.forceVermagic = forceVermagic;
        b.resolveAlias = resolveAlias;
        b.showDepends = showDepends;
        b.showConfig = showConfig;
        b.showModversions = showModversions;
        b.showExports = showExports;
        b.dryRun = dryRun;
        b.configPaths = new ArrayList<>(configPaths);
        b.root = root;
        b.kernelVersion = kernelVersion;
        b.syslog = syslog;
        b.logPriority = logPriority;
        b.operands = new ArrayList<>(operands);
        b.initstateLogic = initstateLogic;
        b.profile = profile;
        b.childModprobeOptions = childModprobeOptions;
        return b;
    }

    /**
     * A builder with modprobe's defaults (what an empty command line gives, before its check).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable twin of {@link ModprobeOptions}, for the parser and for tests. */
    public static final class Builder {
        boolean all;
        boolean remove;
        boolean removeHolders;
        long waitMsec;
        boolean firstTime;
        boolean ignoreCommands;
        boolean useBlacklist;
        boolean forceModversion;
        boolean forceVermagic;
        boolean resolveAlias;
        boolean showDepends;
        boolean showConfig;
        boolean showModversions;
        boolean showExports;
        boolean dryRun;
        List<String> configPaths = new ArrayList<>();
        Optional<String> root = Optional.empty();
        Optional<String> kernelVersion = Optional.empty();
        boolean syslog;
        int logPriority = Log.WARNING;
        List<String> operands = new ArrayList<>();
        InitstateLogic initstateLogic = InitstateLogic.KMOD_20;
        KmodProfile profile = KmodProfile.DEFAULT;
        Optional<String> childModprobeOptions = Optional.empty();

        Builder() {
        }

        /**
         * Sets {@code -a}.
         *
         * @param v whether {@code -a} is given
         * @return this builder
         */
        public Builder all(boolean v) {
            all = v;
            return this;
        }

        /**
         * Sets {@code -r}.
         *
         * @param v whether {@code -r} is given
         * @return this builder
         */
        public Builder remove(boolean v) {
            remove = v;
            return this;
        }

        /**
         * Sets {@code --remove-holders}.
         *
         * @param v whether {@code --remove-holders} is given
         * @return this builder
         */
        public Builder removeHolders(boolean v) {
            removeHolders = v;
            return this;
        }

        /**
         * Sets {@code -w} (unsigned).
         *
         * @param v the milliseconds to wait, unsigned
         * @return this builder
         */
        public Builder waitMsec(long v) {
            waitMsec = v;
            return this;
        }

        /**
         * Sets {@code --first-time}.
         *
         * @param v whether {@code --first-time} is given
         * @return this builder
         */
        public Builder firstTime(boolean v) {
            firstTime = v;
            return this;
        }

        /**
         * Sets {@code -i}.
         *
         * @param v whether {@code -i} is given
         * @return this builder
         */
        public Builder ignoreCommands(boolean v) {
            ignoreCommands = v;
            return this;
        }

        /**
         * Sets {@code -b}.
         *
         * @param v whether {@code -b} is given
         * @return this builder
         */
        public Builder useBlacklist(boolean v) {
            useBlacklist = v;
            return this;
        }

        /**
         * Sets {@code --force-modversion}.
         *
         * @param v whether {@code --force-modversion} is given
         * @return this builder
         */
        public Builder forceModversion(boolean v) {
            forceModversion = v;
            return this;
        }

        /**
         * Sets {@code --force-vermagic}.
         *
         * @param v whether {@code --force-vermagic} is given
         * @return this builder
         */
        public Builder forceVermagic(boolean v) {
            forceVermagic = v;
            return this;
        }

        /**
         * Sets {@code -R}.
         *
         * @param v whether {@code -R} is given
         * @return this builder
         */
        public Builder resolveAlias(boolean v) {
            resolveAlias = v;
            return this;
        }

        /**
         * Sets {@code -D}.
         *
         * @param v whether {@code -D} is given
         * @return this builder
         */
        public Builder showDepends(boolean v) {
            showDepends = v;
            return this;
        }

        /**
         * Sets {@code -c}.
         *
         * @param v whether {@code -c} is given
         * @return this builder
         */
        public Builder showConfig(boolean v) {
            showConfig = v;
            return this;
        }

        /**
         * Sets {@code --show-modversions}.
         *
         * @param v whether {@code --show-modversions} is given
         * @return this builder
         */
        public Builder showModversions(boolean v) {
            showModversions = v;
            return this;
        }

        /**
         * Sets {@code --show-exports}.
         *
         * @param v whether {@code --show-exports} is given
         * @return this builder
         */
        public Builder showExports(boolean v) {
            showExports = v;
            return this;
        }

        /**
         * Sets {@code -n}.
         *
         * @param v whether {@code -n} is given
         * @return this builder
         */
        public Builder dryRun(boolean v) {
            dryRun = v;
            return this;
        }

        /**
         * Replaces the {@code -C} paths.
         *
         * @param v the {@code -C} paths, in order
         * @return this builder
         */
        public Builder configPaths(List<String> v) {
            configPaths = new ArrayList<>(v);
            return this;
        }

        /**
         * Adds one {@code -C} path.
         *
         * @param v the path, as given
         * @return this builder
         */
        public Builder addConfigPath(String v) {
            configPaths.add(Objects.requireNonNull(v));
            return this;
        }

        /**
         * Sets {@code -d}.
         *
         * @param v the directory, as given
         * @return this builder
         */
        public Builder root(String v) {
            root = Optional.of(v);
            return this;
        }

        /**
         * Sets {@code -S}.
         *
         * @param v the kernel release
         * @return this builder
         */
        public Builder kernelVersion(String v) {
            kernelVersion = Optional.of(v);
            return this;
        }

        /**
         * Sets {@code -s}.
         *
         * @param v whether {@code -s} is given
         * @return this builder
         */
        public Builder syslog(boolean v) {
            syslog = v;
            return this;
        }

        /**
         * Sets the log priority threshold.
         *
         * @param v the priority up to which messages are printed
         * @return this builder
         */
        public Builder logPriority(int v) {
            logPriority = v;
            return this;
        }

        /**
         * Replaces the operands.
         *
         * @param v the non-option arguments, in order
         * @return this builder
         */
        public Builder operands(List<String> v) {
            operands = new ArrayList<>(v);
            return this;
        }

        /**
         * Sets the initstate logic.
         *
         * @param v how module state is read
         * @return this builder
         */
        public Builder initstateLogic(InitstateLogic v) {
            initstateLogic = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets the profile.
         *
         * @param v which kmod release to follow
         * @return this builder
         */
        public Builder profile(KmodProfile v) {
            profile = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Sets the {@code MODPROBE_OPTIONS} value for commands.
         *
         * @param v the value for commands, or empty
         * @return this builder
         */
        public Builder childModprobeOptions(Optional<String> v) {
            childModprobeOptions = Objects.requireNonNull(v);
            return this;
        }

        /**
         * The options.
         *
         * @return the options, as set so far
         */
        public ModprobeOptions build() {
            return new ModprobeOptions(all, remove, removeHolders, waitMsec, firstTime,
                    ignoreCommands, useBlacklist, forceModversion, forceVermagic, resolveAlias,
                    showDepends, showConfig, showModversions, showExports, dryRun, configPaths,
                    root, kernelVersion, syslog, logPriority, operands, initstateLogic, profile,
                    childModprobeOptions);
        }
    }
}
