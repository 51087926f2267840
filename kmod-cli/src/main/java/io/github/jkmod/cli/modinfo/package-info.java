/** jkmod's {@code modinfo}: the fields of module files, names, aliases and builtin modules, in kmod's format. */
package io.github.jkmod.cli.modinfo;
