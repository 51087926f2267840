package io.github.jkmod.core;

import io.github.jkmod.KmodException;
import java.nio.file.Path;

/** No module, alias, command or builtin answers a name in a module directory. */
public class ModuleNotFoundException extends KmodException {
    private static final long serialVersionUID = 1L;

    /** The name that was looked up, as given. */
    private final String name;

    /**
     * @param name the name that was looked up
     * @param moduleDirectory the module directory searched
     */
    public ModuleNotFoundException(String name, Path moduleDirectory) {
        super("Module " + name + " not found in directory " + moduleDirectory);
        this.name = name;
    }

    /**
     * The name that was looked up.
     *
     * @return the module name, alias or path that found nothing
     */
    public String name() {
        return name;
    }
}
