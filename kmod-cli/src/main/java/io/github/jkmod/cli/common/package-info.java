/** What the tools of jkmod's multi-call executable share: a run's streams, root and profile. */
package io.github.jkmod.cli.common;
