package org.factlint;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.factlint.internal.RuleGuard;
import org.factlint.io.DocumentReader;
import org.factlint.io.Json;

/**
 * The child JVM of an {@link IsolatedChecker}: compiles the pack it is sent, then checks each batch it is sent, one
 * JSON line in, one line out ({@link #PREFIX} marks the protocol's lines). Ends when its input ends.
 */
final class IsolatedChild {
    /** Marks a protocol line on the child's standard output; anything else there is ignored by the parent. */
    static final String PREFIX = "FLX1 ";

    private IsolatedChild() {
    }

    /**
     * What the parent sends first: the pack and the limits of the child's checker; with a canary, its files follow,
     * one {@link CanaryFiles.File} per line (the child cannot read the pack's directory: it is not in its root).
     */
    record Start(String name, boolean bundled, Map<String, String> files, Trust trust, int maxFirings,
                 long timeLimitNanos, int firingsPerClaim, long timePerClaimNanos, CanaryFiles.Header canary) {
        CheckerOptions options() {
            return new CheckerOptions(maxFirings, Duration.ofNanos(timeLimitNanos), firingsPerClaim,
                    Duration.ofNanos(timePerClaimNanos));
        }
    }

    /**
     * The child's answer to {@link Start}: the pack's rules, its problems when it does not compile, a failure, or the
     * canary's reasons to refuse it (its own scenarios, run in the child).
     */
    record Started(int rules, List<RuleProblem> problems, String failure, List<String> canary) {
        Started {
            canary = canary == null ? List.of() : List.copyOf(canary);
        }
    }

    /** A batch to check: how many JSON lines of documents follow this header. */
    record Request(int documents) {
    }

    public static void main(String[] args) throws Exception {
        // Only this stream is the protocol; whatever else prints (a library, a trusted pack) goes to stderr.
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // The parent's lines are the caller's own data (a pack file or a canary document of up to 10 MB, in base64):
        // its messages are not held to the limits of claims input; claims documents are read with those below.
        ObjectMapper json = Json.mapper().copy();
        json.getFactory().setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                .maxNestingDepth(Json.MAX_NESTING_DEPTH).maxStringLength(Integer.MAX_VALUE)
                .maxNumberLength(Json.MAX_NUMBER_LENGTH).maxDocumentLength(-1L).build());
        String first = in.readLine();
        if (first == null) {
            return;
        }
        Checker checker;
        try {
            Start start = json.readValue(first, Start.class);
            CanaryFiles canary = null;
            if (start.canary() != null) {
                List<CanaryFiles.File> files = new java.util.ArrayList<>();
                for (int i = 0; i < start.canary().files(); i++) {
                    String line = in.readLine();
                    if (line == null) {
                        return; // the parent went away
                    }
                    files.add(json.readValue(line, CanaryFiles.File.class));
                }
                canary = CanaryFiles.of(start.canary(), files);
            }
            RulePack pack = start.bundled() ? RulePack.bundled()
                    : RulePack.cached(start.name(), new TreeMap<>(start.files()), start.trust());
            checker = new Checker(pack, start.options());
            if (canary != null) {
                // The canary runs here, in the child, with the child's limits: a pack whose scenarios fill the heap,
                // spin or fail their expectations never serves, and never touches the caller.
                List<String> refusals = ReloadingChecker.canary(pack, canary, () -> false);
                if (!refusals.isEmpty()) {
                    reply(protocol, json, new Started(pack.rules().size(), List.of(), null, refusals));
                    return;
                }
            }
        } catch (RulePackException e) {
            reply(protocol, json, new Started(0, e.problems(), null, List.of()));
            return;
        } catch (Throwable e) {
            reply(protocol, json, new Started(0, List.of(), RuleGuard.describe(e), List.of()));
            return;
        }
        reply(protocol, json, new Started(checker.pack().rules().size(), List.of(), null, List.of()));
        for (String header; (header = in.readLine()) != null; ) {
            int n = json.readValue(header, Request.class).documents();
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < n; i++) {
                String line = in.readLine();
                if (line == null) {
                    return; // the parent went away mid-request
                }
                lines.append(line).append('\n');
            }
            Batch batch = n == 0 ? Batch.of(List.of())
                    : DocumentReader.readLines("<isolated>", lines.toString().getBytes(StandardCharsets.UTF_8));
            lines = null;
            reply(protocol, json, checker.check(batch));
        }
    }

    private static void reply(PrintStream protocol, ObjectMapper json, Object message) throws Exception {
        protocol.print(PREFIX);
        protocol.print(json.writeValueAsString(message));
        protocol.print('\n');
        protocol.flush();
    }
}
