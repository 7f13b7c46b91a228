package dev.vigil.daemon;

import dev.vigil.daemon.cli.VigilCommand;
import picocli.CommandLine;

/** Process entry point: parses the command line and exits with the command's status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(VigilCommand.commandLine().execute(args));
    }
}
