package org.factlint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The ASCII fast path of name folding gives what the Unicode path gives: keys must not depend on which path ran. */
class NamesAsciiPropertyTest {
    @Property(tries = 1000)
    void foldsAsciiNamesLikeTheUnicodePath(
            @ForAll @StringLength(max = 40) @CharRange(from = ' ', to = '~') @Chars({'\t', '\n'}) String name) {
        assertThat(Names.isAscii(name)).isTrue();
        assertThat(Names.words(name)).isEqualTo(Names.fullWords(name));
    }
}
