package org.factlint.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/**
 * Jackson's string reading, plus one check: a string with a lone surrogate (the JSON escape of U+D800 alone, say) is not
 * Unicode text. Jackson would keep it, and it would become a {@code ?} when written out; it is an error at its place.
 */
final class StrictStrings extends StdScalarDeserializer<String> {
    StrictStrings() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String s = StringDeserializer.instance.deserialize(p, ctxt);
        if (s != null) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw InvalidFormatException.from(p, String.format(java.util.Locale.ROOT,
                            "a lone surrogate \\u%04x at character %,d of the string: not valid Unicode text",
                            (int) c, i + 1), null, String.class);
                }
            }
        }
        return s;
    }
}
