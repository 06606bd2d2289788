package org.factlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.factlint.RulePack;
import org.factlint.RulePackException;
import org.factlint.RuleProblem;
import org.factlint.testing.ScenarioFileException;
import org.factlint.testing.ScenarioFiles;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code factlint validate DIR}: compiles a rule pack and lists every problem the way compilers do. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Compile a rule pack and list every problem as file:line:col: message: DRL errors, unsafe code,",
                "bad lexicon or source-table rows, broken scenario files; then warnings for rules that can never fire."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed)", "2:errors, or the directory cannot be read"})
final class ValidateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    PackOptions pack;


    @Override
    public Integer call() {
        if (pack.problem() != null) {
            spec.commandLine().getErr().println(pack.problem());
            return 2;
        }
        return pack.run(spec.commandLine().getOut(), this::once);
    }

    private int once() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = pack.dir;
        if (pack.problem() != null) {
            err.println(pack.problem());
            return 2;
        }
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        int rules = 0;
        try {
            RulePack loaded = pack.load();
            rules = loaded.rules().size();
            loaded.warnings().forEach(w -> warnings.add(located(w)));
        } catch (RulePackException e) {
            e.problems().forEach(p -> errors.add(located(p)));
        } catch (IOException e) {
            err.println("factlint: " + e.getMessage());
            return 2;
        }
        try {
            for (Path file : ScenarioFiles.in(dir)) {
                try {
                    errors.addAll(ScenarioFiles.missingDocuments(file, ScenarioFiles.read(file)));
                } catch (ScenarioFileException e) {
                    e.problems().forEach(p -> errors.add(p.toString()));
                }
            }
        } catch (IOException e) {
            err.println("factlint: " + e.getMessage());
            return 2;
        }
        errors.forEach(out::println);
        warnings.forEach(out::println);
        out.println(errors.isEmpty()
                ? dir + ": " + rules + " rules, " + count(warnings.size(), "warning")
                : dir + ": " + count(errors.size(), "error") + ", " + count(warnings.size(), "warning"));
        out.flush();
        return errors.isEmpty() ? 0 : 2;
    }

    private String located(RuleProblem p) {
        return pack.located(p);
    }

    static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
