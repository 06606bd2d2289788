package org.factlint.testing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.factlint.InputError;
import org.factlint.io.DocumentReader;
import org.factlint.io.Json;
import org.factlint.io.Locator;

/** Reads scenario files ({@code tests/*.json}), with located errors for broken ones. */
public final class ScenarioFiles {
    private ScenarioFiles() {
    }

    /** The JSON form of a scenario; the reader adds where it stands. */
    private record Raw(String name, String description, java.time.Instant now, List<Scenario.Given> given,
                       Scenario.Expect expect) {
        Raw {
            new Scenario(name, description, given, expect, null, 0, now); // checks, located by Jackson
        }
    }

    /** The scenario files of a pack: {@code packDir/tests/*.json}, sorted by name (none when there is no such dir). */
    public static List<Path> in(Path packDir) throws IOException {
        Path tests = packDir.resolve("tests");
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(tests)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    /**
     * The scenarios of one file.
     *
     * @throws ScenarioFileException listing what is wrong with the file, located
     * @throws IOException           if the file cannot be read
     */
    public static List<Scenario> read(Path file) throws IOException {
        return read(file, Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * The scenarios of a file's text, read elsewhere (an isolated checker's child is sent its pack's scenario files):
     * as {@link #read(Path)}, located in {@code file}.
     *
     * @throws ScenarioFileException listing what is wrong with the text, located
     */
    public static List<Scenario> read(Path file, String text) {
        String base = file.getFileName().toString().replaceFirst("\\.json$", "");
        try {
            JsonNode tree = Json.mapper().readTree(text);
            if (tree == null || !(tree.isObject() || tree.isArray())) {
                throw new ScenarioFileException(List.of(new InputError(file.toString(), 1, 1, "$",
                        "a scenario file holds a scenario object or an array of them")));
            }
            List<Scenario> out = new ArrayList<>();
            if (tree.isArray()) {
                List<Raw> raws = Json.mapper().readValue(text, new TypeReference<List<Raw>>() { });
                for (int i = 0; i < raws.size(); i++) {
                    JsonLocation at = Locator.find(text, "/" + i);
                    out.add(toScenario(raws.get(i), file, at == null ? 0 : at.getLineNr(), base + " #" + (i + 1)));
                }
            } else {
                out.add(toScenario(Json.mapper().readValue(text, Raw.class), file, 1, base));
            }
            return out;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String path = e instanceof JsonMappingException m ? "$" + DocumentReader.pathOf(m.getPath()) : "$";
            if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException) {
                // Jackson reports a rejected object at its end; point at its start instead.
                String pointer = path.substring(1).replace("[", "/").replace("]", "").replace(".", "/");
                JsonLocation start = Locator.find(text, pointer.isEmpty() ? "" : pointer);
                at = start == null ? at : start;
            }
            String message = DocumentReader.explain(e).replaceAll("\\[Source: [^;]*; (line: \\d+), (column: \\d+)\\]", "$1, $2")
                    .replace("line: ", "line ").replace("column: ", "column ");
            if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null
                    && java.util.Collection.class.isAssignableFrom(mi.getTargetType())) {
                message = "expected a list ([...])";
            }
            throw new ScenarioFileException(List.of(new InputError(file.toString(),
                    at == null ? 0 : Math.max(at.getLineNr(), 0), at == null ? 0 : Math.max(at.getColumnNr(), 0),
                    path, message)));
        }
    }

    /**
     * Where a scenario's {@code given} path leads to no file, located in the scenario file: {@code
     * tests/seed.json:5:5: $.given[0]: no such file '../../seeds/mt.json' (resolved to ...)}. A pack's scenarios
     * should read documents inside the pack, so that a copy of it passes its own tests.
     */
    public static List<String> missingDocuments(Path file, List<Scenario> scenarios) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        boolean array = Json.mapper().readTree(text).isArray();
        List<String> out = new ArrayList<>();
        for (int s = 0; s < scenarios.size(); s++) {
            List<Scenario.Given> given = scenarios.get(s).given();
            for (int g = 0; g < given.size(); g++) {
                String path = given.get(g).path();
                if (path == null) {
                    continue;
                }
                Path resolved = file.toAbsolutePath().getParent().resolve(path).normalize();
                if (!Files.isRegularFile(resolved)) {
                    String pointer = (array ? "/" + s : "") + "/given/" + g;
                    JsonLocation at = Locator.find(text, pointer);
                    out.add(new InputError(file.toString(), at == null ? 0 : at.getLineNr(),
                            at == null ? 0 : at.getColumnNr(), (array ? "$[" + s + "]" : "$") + ".given[" + g + "]",
                            "no such file '" + path + "' (resolved to " + resolved + ")").toString());
                }
            }
        }
        return out;
    }

    private static Scenario toScenario(Raw raw, Path file, int line, String defaultName) {
        return new Scenario(raw.name(), raw.description(), raw.given(), raw.expect(), null, 0, raw.now()).at(file, line, defaultName);
    }
}
