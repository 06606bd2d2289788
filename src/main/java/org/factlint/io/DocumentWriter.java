package org.factlint.io;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.factlint.model.Document;

/**
 * Writes claims documents as the JSON {@link DocumentReader} reads: enum values in lower case, absent and empty
 * fields left out, so a person can correct an extracted draft and check it again.
 */
public final class DocumentWriter {
    private static final JsonMapper MAPPER = ((JsonMapper) Json.mapper()).rebuild()
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();
    private static final ObjectWriter WRITER = MAPPER.writerWithDefaultPrettyPrinter();
    private static final ObjectWriter LINE = MAPPER.writer();

    private DocumentWriter() {
    }

    /** One document as a JSON object, ending with a line break. */
    public static String json(Document document) {
        return write(document);
    }

    /** Several documents as a JSON array, ending with a line break. */
    public static String json(List<Document> documents) {
        return write(documents);
    }

    /** One document as one line of JSON (JSON Lines), without the line break. */
    public static String jsonLine(Document document) {
        try {
            return LINE.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write claims as JSON", e);
        }
    }

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write claims as JSON", e);
        }
    }
}
