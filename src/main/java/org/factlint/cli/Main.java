package org.factlint.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code factlint} command: {@code check}, and more subcommands as they come. */
@Command(name = "factlint", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Fact-checks news claims with rules: unconfirmed assertions and contradictions between sources.",
        subcommands = {CheckCommand.class, ExtractCommand.class, ValidateCommand.class, TestCommand.class,
                StoreCommand.class, EvalCommand.class},
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
        // Rule errors and rejected documents are printed by the command itself, once: not logged a second time.
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.factlint.internal.RuleGuard", "off");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.org.factlint.Checker", "error");
        int exit;
        try {
            exit = commandLine().execute(args);
        } catch (Throwable e) { // an Error picocli does not handle (it catches exceptions only)
            System.err.println("factlint: " + org.factlint.io.Printable.of(org.factlint.internal.RuleGuard.describe(e)));
            exit = 2;
        }
        System.exit(exit);
    }

    /** The configured command line, for tests: {@code Main.commandLine().execute(args)}. */
    public static CommandLine commandLine() {
        // Errors go through a writer that escapes control characters: what input puts in a message stays text.
        CommandLine cl = new CommandLine(new Main()) {
            @Override
            public CommandLine setErr(java.io.PrintWriter err) {
                return super.setErr(new java.io.PrintWriter(new TerminalWriter(err), true));
            }
        };
        cl.setErr(new java.io.PrintWriter(System.err, true));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)); // no escapes of its own either
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // -V on every subcommand, present and future, prints the one version string
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
        // Whatever escapes a command is an error of the run, never "flagged" (1): one line, exit 2, no stack trace.
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("factlint: " + org.factlint.internal.RuleGuard.describe(e));
            cmd.getErr().flush();
            return 2;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }
}
