package org.factlint.flink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.factlint.Flag;
import org.factlint.io.Json;

/**
 * Facts and flags as JSON between the job's tasks (Flink ships strings natively; records of lists would go through
 * Kryo), and the flag id the changelog is keyed by.
 */
final class Codec {
    private static final ObjectMapper JSON = Json.mapper();
    private static final String FACTS = "org.factlint.facts.";
    /** The fact types a document's facts come in; nothing else is read back. */
    private static final Map<String, Class<?>> TYPES = org.factlint.internal.FactLoader.DOCUMENT_FACTS;

    private Codec() {
    }

    /** The fact types of documents. */
    static java.util.Collection<Class<?>> types() {
        return TYPES.values();
    }

    /** A fact as {@code Type<TAB>json}. */
    static String fact(Object fact) {
        String type = fact.getClass().getSimpleName();
        if (!TYPES.containsKey(type) || !fact.getClass().getName().equals(FACTS + type)) {
            throw new IllegalArgumentException("not a document fact: " + fact.getClass().getName());
        }
        try {
            return type + '\t' + JSON.writeValueAsString(fact);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + type + ": " + e.getOriginalMessage(), e);
        }
    }

    static Object fact(String text) {
        int tab = text.indexOf('\t');
        Class<?> type = tab < 0 ? null : TYPES.get(text.substring(0, tab));
        if (type == null) {
            throw new IllegalArgumentException("not a fact record: " + org.factlint.internal.Check.quote(text));
        }
        try {
            return JSON.readValue(text.substring(tab + 1), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a " + type.getSimpleName() + " cannot be read back: "
                    + e.getOriginalMessage(), e);
        }
    }

    static String flag(Flag flag) {
        try {
            return JSON.writeValueAsString(flag);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a flag: " + e.getOriginalMessage(), e);
        }
    }

    static Flag flag(String json) {
        try {
            return JSON.readValue(json, Flag.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a flag cannot be read back: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A flag's identity, as the claim store keeps it: the same rule on the same claims for the same words (one rule
     * may flag a claim twice). The changelog's key: 32 hex digits of its SHA-256.
     */
    static String id(Flag f) {
        String ident = f.code() + '\u001f' + f.rule() + '\u001f' + String.join(",", f.claims()) + '\u001f'
                + String.join("\u0001", f.evidence());
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(ident.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }

    /** The article a qualified claim id ({@code article:claim}) belongs to; ids never hold ':' themselves. */
    static String articleOf(String claimId) {
        int colon = claimId.indexOf(':');
        return colon < 0 ? claimId : claimId.substring(0, colon);
    }

    /**
     * One changelog line: {@code {"id":..,"op":"RAISED"|"RETRACTED","article":..,"seq":..,"flag":{..}}}. The flag is
     * written as it is ({@link #flag(Flag)} wrote it), not parsed into a tree to be written again.
     */
    static String change(String id, String op, String article, long seq, String flagJson) {
        java.io.StringWriter out = new java.io.StringWriter(flagJson.length() + 96);
        try (com.fasterxml.jackson.core.JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("op", op);
            g.writeStringField("article", article);
            g.writeNumberField("seq", seq);
            g.writeFieldName("flag");
            g.writeRawValue(flagJson);
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot write a change: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** A changelog line read back (consumers, tests). */
    static JsonNode change(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a changelog line: " + e.getOriginalMessage(), e);
        }
    }

    /** The flag id of a changelog line without parsing it: the line starts {@code {"id":"}. */
    static String idOf(String changeLine) {
        int start = changeLine.indexOf("\"id\":\"") + 6;
        return changeLine.substring(start, changeLine.indexOf('"', start));
    }
}
