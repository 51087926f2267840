/** The multi-call executable: one program that is every tool, chosen by the name it is invoked as. */
package io.github.jkmod.cli.multicall;
