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
    private static final ObjectWriter WRITER = ((JsonMapper) Json.mapper()).rebuild()
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build()
            .writerWithDefaultPrettyPrinter();

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

    private static String write(Object value) {
        try {
            return WRITER.writeValueAsString(value) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write claims as JSON", e);
        }
    }
}
