package org.factlint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code factlint} command: {@code check}, and more subcommands as they come. */
@Command(name = "factlint", mixinStandardHelpOptions = true, version = "factlint 0.1.0",
        description = "Fact-checks news claims with rules: unconfirmed assertions and contradictions between sources.",
        subcommands = {CheckCommand.class, ExtractCommand.class, ValidateCommand.class, TestCommand.class,
                EvalCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing flagged at or above the threshold", "1:flagged", "2:usage or input error"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The command line's logging (slf4j-simple): warnings and errors on stderr, unless the user says otherwise.
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        // Drools' own compile chatter is not for desk editors: Factlint reports every pack problem itself.
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.drools", "off");
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for tests: {@code Main.commandLine().execute(args)}. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
