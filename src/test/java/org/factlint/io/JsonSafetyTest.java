package org.factlint.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.factlint.Batch;
import org.factlint.Factlint;
import org.factlint.model.Document;
import org.junit.jupiter.api.Test;

/** Input can never name a Java class to build: no default typing, no polymorphic types, anywhere. */
class JsonSafetyTest {
    static final Path CLASSES = Path.of("target/classes");

    @Test
    void theMapperHasNoDefaultTyping_forAnyType() {
        ObjectMapper mapper = Json.mapper();
        for (Class<?> type : List.of(Object.class, Document.class, java.io.Serializable.class, Comparable.class,
                java.util.Map.class, List.class)) {
            var javaType = mapper.constructType(type);
            assertThat(mapper.getDeserializationConfig().getDefaultTyper(javaType)).as(type.getName()).isNull();
            assertThat(mapper.getSerializationConfig().getDefaultTyper(javaType)).as(type.getName()).isNull();
        }
    }

    @Test
    void noClassOfTheLibraryDeclaresPolymorphicTypes() throws Exception {
        List<String> offenders = new ArrayList<>();
        List<Class<?>> classes = libraryClasses();
        for (Class<?> c : classes) {
            List<AnnotatedElement> elements = new ArrayList<>();
            elements.add(c);
            elements.addAll(List.of(c.getDeclaredFields()));
            elements.addAll(List.of(c.getDeclaredMethods()));
            elements.addAll(List.of(c.getDeclaredConstructors()));
            if (c.isRecord()) {
                elements.addAll(List.of(c.getRecordComponents()));
            }
            for (AnnotatedElement e : elements) {
                if (e.isAnnotationPresent(JsonTypeInfo.class) || e.isAnnotationPresent(JsonSubTypes.class)) {
                    offenders.add(e.toString());
                }
            }
        }
        assertThat(classes).hasSizeGreaterThan(40);
        assertThat(offenders).isEmpty();
    }

    @Test
    void noSourceFileTurnsOnDefaultTyping() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (String risky : List.of("activateDefaultTyping", "enableDefaultTyping", "JsonTypeInfo",
                        "setDefaultTyping", "PolymorphicTypeValidator", "readValue(" + "p, Object.class")) {
                    if (text.contains(risky)) {
                        offenders.add(f + ": " + risky);
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void aClassNameInTheInputIsAnUnknownField_notAnInstruction() {
        Batch batch = Factlint.parse("{\"@class\": \"java.lang.ProcessBuilder\", \"article\": {\"id\": \"a\","
                + " \"outlet\": \"w\", \"headline\": \"h\"}, \"sources\": [{\"id\": \"w\", \"name\": \"W\","
                + " \"kind\": \"outlet\"}]}");

        assertThat(batch.rejected()).isEqualTo(1);
        assertThat(batch.errors().get(0).toString()).isEqualTo("<input>:1:2: $.@class: unknown field '@class'"
                + " (expected one of: article, claims, entities, sources)");
    }

    private static List<Class<?>> libraryClasses() throws Exception {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("org/factlint"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                out.add(Class.forName(name, false, JsonSafetyTest.class.getClassLoader()));
            }
        }
        return out;
    }
}
