package org.factlint.testing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.factlint.model.Document;

/**
 * One scenario of a rule pack's tests: documents given, flags expected. Read from {@code tests/*.json} by
 * {@link ScenarioFiles}; a file holds one scenario object or an array of them.
 *
 * <pre>{@code
 * {
 *   "name": "a hedged claim with nothing behind it",
 *   "given": [ "documents/moscow-times.claims.json", { ...an inline claims document... } ],
 *   "expect": { "mustInclude": [ { "code": "UNC-HEDGED", "claims": ["x:c1"] } ],
 *               "mustNotInclude": [ { "code": "UNC-ANONYMOUS" } ] }
 * }
 * }</pre>
 *
 * @param name        shown in reports and IDEs; defaults to the file name
 * @param description free text for the reader
 * @param given       claims documents: a path relative to the scenario file, or a document inline
 * @param expect      the flags expected
 * @param file        the scenario file (set by the reader)
 * @param line        the line where the scenario starts (set by the reader)
 * @param now         the engine's clock the check runs on ({@code "now": "2023-05-10T09:00:00Z"}), or null for none:
 *                    the pack's time rules (escalation, passed forecasts) apply only on a clock
 */
public record Scenario(String name, String description, List<Given> given, Expect expect, Path file, int line,
                       java.time.Instant now) {
    public Scenario {
        if (given == null || given.isEmpty()) {
            throw new IllegalArgumentException("'given' must list at least one claims document (a path or a document)");
        }
        if (expect == null) {
            throw new IllegalArgumentException("'expect' is missing: give 'flags' (the exact set) or 'mustInclude' "
                    + "and/or 'mustNotInclude'");
        }
        given = List.copyOf(given);
    }

    /** A scenario checked on no clock. */
    public Scenario(String name, String description, List<Given> given, Expect expect, Path file, int line) {
        this(name, description, given, expect, file, line, null);
    }

    Scenario at(Path file, int line, String defaultName) {
        return new Scenario(name == null || name.isBlank() ? defaultName : name, description, given, expect, file, line,
                now);
    }

    /**
     * What the scenario expects. {@code flags} is the exact set raised (every flag listed, nothing else); or
     * {@code mustInclude} and {@code mustNotInclude} constrain only the flags they name.
     */
    public record Expect(List<FlagSpec> flags, List<FlagSpec> mustInclude, List<FlagSpec> mustNotInclude) {
        public Expect {
            if (flags != null && (mustInclude != null || mustNotInclude != null)) {
                throw new IllegalArgumentException("give either 'flags' (the exact set) or 'mustInclude'/'mustNotInclude',"
                        + " not both");
            }
            if (flags == null && mustInclude == null && mustNotInclude == null) {
                throw new IllegalArgumentException("'expect' needs 'flags' (the exact set; [] for none) or 'mustInclude' "
                        + "and/or 'mustNotInclude'");
            }
            flags = flags == null ? null : List.copyOf(flags);
            mustInclude = mustInclude == null ? List.of() : List.copyOf(mustInclude);
            mustNotInclude = mustNotInclude == null ? List.of() : List.copyOf(mustNotInclude);
        }

        /** True when the expected flags are an exact set. */
        public boolean exact() {
            return flags != null;
        }
    }

    /** A given document: a path relative to the scenario file, or the document itself. */
    @JsonDeserialize(using = Given.Reader.class)
    public record Given(String path, Document document) {
        static final class Reader extends JsonDeserializer<Given> {
            @Override
            public Given deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() == JsonToken.VALUE_STRING) {
                    return new Given(p.getText(), null);
                }
                if (p.currentToken() == JsonToken.START_OBJECT) {
                    return new Given(null, ctxt.readValue(p, Document.class));
                }
                return (Given) ctxt.handleUnexpectedToken(Given.class, p.currentToken(), p,
                        "a given document is a path (a string) or a claims document (an object)");
            }
        }
    }
}
