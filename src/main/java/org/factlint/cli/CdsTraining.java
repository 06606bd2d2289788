package org.factlint.cli;

import java.io.PrintWriter;
import java.io.Writer;
import picocli.CommandLine;

/**
 * The build's training run for the launcher's class-data sharing archive (see the pom): what {@code factlint check}
 * loads for the bundled pack, then what {@code validate} and {@code test} load to compile a pack from DRL, so both
 * start from mapped classes. Usage: {@code CdsTraining SEED.json PACKDIR}.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CdsTraining SEED.json PACKDIR");
        }
        run("check", args[0]);
        System.setProperty("factlint.packCache", "false"); // compile the DRL, as for a pack being edited
        run("test", args[1]);
    }

    private static void run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(Writer.nullWriter()));
        cl.setErr(new PrintWriter(Writer.nullWriter()));
        cl.execute(args);
    }
}
