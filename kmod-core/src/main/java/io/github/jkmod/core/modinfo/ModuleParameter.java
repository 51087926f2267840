package io.github.jkmod.core.modinfo;

import java.util.Objects;
import java.util.Optional;

/**
 * One module parameter as {@code modinfo} merges it from the {@code parm=NAME:DESCRIPTION} and
 * {@code parmtype=NAME:TYPE} records of a module (the last record of each kind wins).
 *
 * @param name the parameter's name
 * @param type its type ({@code int}, {@code charp}, {@code array of int}, ...), if a
 *     {@code parmtype} record gives one
 * @param description its description, if a {@code parm} record gives one
 */
public record ModuleParameter(String name, Optional<String> type, Optional<String> description) {
    /**
     * Checks that nothing is null.
     *
     * @param name the parameter's name
     * @param type its type, or empty
     * @param description its description, or empty
     */
    public ModuleParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }
}
