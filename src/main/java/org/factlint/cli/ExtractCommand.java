package org.factlint.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.factlint.io.DocumentWriter;
import org.factlint.model.Document;
import org.factlint.text.ArticleText;
import org.factlint.text.ArticleTextException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code factlint extract ARTICLE...}: reads article text and prints the claims found as the JSON {@code check}
 * reads, for a person to correct and check again.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract claims from article text (.txt, .md) and print them as claims JSON.")
final class ExtractCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ARTICLE",
            description = "article text files: first line the headline, optional front matter (outlet, date, url, id)")
    List<Path> files;

    @Option(names = "--rules", paramLabel = "DIR",
            description = "rule pack directory whose predicate table names the verbs (default: the bundled pack)")
    Path rules;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Document> docs = new ArrayList<>();
        org.factlint.RulePack pack = null;
        if (rules != null) {
            try {
                pack = org.factlint.RulePack.load(rules);
            } catch (org.factlint.RulePackException | IOException e) {
                err.println("factlint: " + e.getMessage());
                err.flush();
                return 2;
            }
        }
        for (Path f : files) {
            String unreadable = Inputs.unreadable(f);
            if (unreadable != null) {
                err.println("factlint: cannot read '" + f + "': " + unreadable);
                err.flush();
                return 2;
            }
            try {
                String notText = Inputs.notArticleText(f, Files.readAllBytes(f));
                if (notText != null) {
                    err.println("factlint: cannot extract claims from '" + f + "': " + notText);
                    err.flush();
                    return 2;
                }
                docs.add(pack == null ? ArticleText.read(f) : ArticleText.read(f, pack));
            } catch (ArticleTextException e) {
                err.println(f + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
                err.flush();
                return 2;
            } catch (IOException e) {
                err.println("factlint: cannot read '" + f + "': " + e.getMessage());
                err.flush();
                return 2;
            }
        }
        out.print(docs.size() == 1 ? DocumentWriter.json(docs.get(0)) : DocumentWriter.json(docs));
        out.flush();
        return 0;
    }
}
