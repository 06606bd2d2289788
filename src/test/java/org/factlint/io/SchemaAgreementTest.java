package org.factlint.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.factlint.Batch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped JSON Schema and the loader agree on the fixtures: valid ones pass both; structurally invalid ones
 * fail both; {@code ref-*} fixtures break references, which a schema cannot see, so only the loader rejects them.
 */
class SchemaAgreementTest {
    static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SchemaAgreementTest.class.getResourceAsStream("/org/factlint/claims.schema.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static Stream<Path> fixtures() throws IOException {
        return Stream.concat(Files.list(DocumentErrorsTest.VALID), Files.list(DocumentErrorsTest.INVALID))
                .filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void schemaAndLoaderAgree(Path fixture) throws IOException {
        byte[] bytes = Files.readAllBytes(fixture);
        Batch loaded = DocumentReader.readJson(fixture.getFileName().toString(), bytes);
        boolean loaderAccepts = loaded.accepted() == 1;
        boolean schemaAccepts;
        try {
            JsonNode node = Json.mapper().readTree(bytes);
            schemaAccepts = schema.validate(node).isEmpty();
        } catch (IOException malformed) {
            schemaAccepts = false;
        }
        String name = fixture.getFileName().toString();
        boolean valid = fixture.getParent().endsWith("valid") && !fixture.getParent().endsWith("invalid");
        assertThat(loaderAccepts).as("loader accepts " + name).isEqualTo(valid);
        assertThat(schemaAccepts).as("schema accepts " + name).isEqualTo(valid || name.startsWith("ref-"));
    }
}
