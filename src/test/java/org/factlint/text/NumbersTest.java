package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;

import org.factlint.model.Claim;
import org.factlint.model.Document;
import org.factlint.model.Quantity;
import org.junit.jupiter.api.Test;

class NumbersTest {
    static List<Quantity> quantities(String body) {
        Document d = ArticleText.parse("Headline about the parade\n\n" + body);
        return d.claims().stream().map(Claim::quantity).filter(Objects::nonNull).toList();
    }

    @Test
    void yearsClockTimesPercentagesMoneyAgesAndOrdinals_areNotCounts() {
        assertThat(quantities("In 2021 Emomali Rahmon stayed in Dushanbe.")).isEmpty();
        assertThat(quantities("The parade began at 10:00 Moscow time.")).isEmpty();
        assertThat(quantities("Turnout rose by 12 percent on Sunday.")).isEmpty();
        assertThat(quantities("Turnout rose to 12% on Sunday.")).isEmpty();
        assertThat(quantities("The city spent $5 million on the parade.")).isEmpty();
        assertThat(quantities("The city spent 5 million dollars on the parade.")).isEmpty();
        assertThat(quantities("The mayor, who is 69 years old, watched the parade.")).isEmpty();
        assertThat(quantities("This year marks the 78th anniversary of the victory.")).isEmpty();
        assertThat(quantities("The talks lasted 3 hours on Monday.")).isEmpty();
    }

    @Test
    void countsWithAUnit_areQuantities_withTheirQualifiers() {
        assertThat(quantities("More than 10 thousand people marched in the parade."))
                .extracting(Quantity::value, Quantity::unit).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10_000.0, "people"));
        assertThat(quantities("About 8,000 troops took part in the parade."))
                .extracting(Quantity::value).containsExactly(8_000.0);
    }
}
