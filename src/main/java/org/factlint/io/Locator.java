package org.factlint.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Finds where a JSON pointer's value starts in a text: used to locate errors found after parsing. */
public final class Locator {
    private Locator() {
    }

    /** Where the field name at a pointer ({@code /claims/0/confidence}) stands, or null. */
    static JsonLocation findName(String text, String pointer) {
        JsonPointer wanted = JsonPointer.compile(pointer);
        try (JsonParser p = Json.mapper().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && p.getParsingContext().pathAsPointer().equals(wanted)) {
                    return p.currentTokenLocation();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /** Where every value of a text starts, by JSON pointer: one pass for many look-ups. */
    public static final class Index {
        private final java.util.Map<String, JsonLocation> values;

        private Index(java.util.Map<String, JsonLocation> values) {
            this.values = values;
        }

        /** Where the value at a JSON pointer starts, or null. */
        public JsonLocation find(String pointer) {
            return values.get(pointer.isEmpty() || pointer.startsWith("/") ? pointer : "/" + pointer);
        }
    }

    /** Reads {@code text} once and remembers where each value starts; a malformed text gives what came before. */
    public static Index index(String text) {
        java.util.Map<String, JsonLocation> values = new java.util.HashMap<>();
        try (JsonParser p = Json.mapper().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                values.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation());
            }
        } catch (IOException e) {
            // what was read stands
        }
        return new Index(values);
    }

    /** Where the value at a JSON pointer ({@code /claims/2}) starts in {@code text}, or null. */
    public static JsonLocation find(String text, String pointer) {
        JsonPointer wanted = JsonPointer.compile(pointer);
        try (JsonParser p = Json.mapper().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                if (p.getParsingContext().pathAsPointer().equals(wanted)) {
                    return p.currentTokenLocation();
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
