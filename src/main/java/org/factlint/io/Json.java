package org.factlint.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration: strict (unknown fields are errors), case-insensitive enums, ISO dates, bounded input
 * sizes, and no polymorphic typing anywhere.
 *
 * <p>Claims input is untrusted, so the mapper accepts only what the model declares: an unknown field, a field given
 * twice, a number where a string belongs ({@code "headline": 7}), a string where a number or boolean belongs
 * ({@code "value": "8000"}), an integer as a date (Jackson would read it as days since 1970) and the non-standard
 * tokens {@code NaN} and {@code Infinity} are all errors. No default typing is enabled and no model type carries a
 * type-id annotation: input can never name a Java class to instantiate (JsonSafetyTest checks both).
 */
public final class Json {
    /** Deepest nesting accepted; a claims document needs about 6. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Longest string value accepted (characters): a whole article text fits many times over. */
    public static final int MAX_STRING_LENGTH = 5_000_000;
    /** Longest number accepted (characters). */
    public static final int MAX_NUMBER_LENGTH = 100;
    /**
     * Largest JSON input accepted (characters), whether one document or an array of them; split larger batches into
     * JSON Lines, where the limit holds per line. Files are also refused by size before they are read: see
     * {@link #MAX_FILE_LENGTH}.
     */
    public static final long MAX_DOCUMENT_LENGTH = 50_000_000L;
    /** Largest file read (bytes), JSON or JSON Lines: a file is read whole into memory. */
    public static final long MAX_FILE_LENGTH = 200_000_000L;

    private static final ObjectMapper MAPPER = build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("factlint-strict-strings")
                        .addDeserializer(String.class, new StrictStrings()))
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // No scalar coercion: "7" is not a number, 7 is not a string, 1 is not true.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, c -> c
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                // Dates only as ISO strings, strictly: no epoch-day integers, no 2023-02-30.
                .defaultLeniency(false)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
