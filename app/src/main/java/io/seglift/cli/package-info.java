/**
 * The {@code seglift} command line: one picocli subcommand per class. Results go to stdout (text, or JSON with
 * {@code --format json}); logs and progress go to stderr. Exit codes are in {@link io.seglift.cli.ExitCode}.
 */
package io.seglift.cli;
