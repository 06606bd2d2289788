package org.factlint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.factlint.model.Article;
import org.factlint.model.Document;
import org.factlint.model.Entity;
import org.factlint.model.Source;
import org.factlint.model.SourceKind;
import org.junit.jupiter.api.Test;

/** Who is one: full names across spellings, and short forms only when exactly one entity fits. */
class NameResolverTest {

    private static Document doc(String id, String... names) {
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            entities.add(new Entity("e" + i, names[i]));
        }
        return new Document(new Article(id, "o", "h", null, null, null),
                List.of(new Source("o", "Outlet", SourceKind.OUTLET, null)), entities, List.of());
    }

    /** The key each entity of each document gets when the documents are checked together. */
    private static List<String> keys(Document... docs) {
        NameResolver r = new NameResolver();
        r.preResolve(List.of(docs));
        List<String> out = new ArrayList<>();
        for (Document d : docs) {
            d.entities().forEach(e -> out.add(r.resolve(e)));
        }
        return out;
    }

    @Test
    void aCyrillicSpellingInOneDocument_joinsTheLatinNameInAnother() {
        List<String> k = keys(doc("a", "Sadyr Japarov"), doc("b", "Садыр Жапаров"));
        assertThat(k.get(0)).isEqualTo(k.get(1));
    }

    @Test
    void aSurnameAlone_joinsTheOnlyPersonWithThatSurname() {
        List<String> k = keys(doc("a", "Sadyr Japarov"), doc("b", "Japarov"));
        assertThat(k.get(1)).isEqualTo(k.get(0));
    }

    @Test
    void aSurnameAlone_staysApart_whenTwoPeopleHaveIt() {
        List<String> k = keys(doc("a", "Ilham Aliyev", "Heydar Aliyev"), doc("b", "Aliyev"));
        assertThat(k).doesNotHaveDuplicates();
    }

    @Test
    void aSurnameAlone_joinsTheOneCandidateOfItsOwnDocument_beforeOthers() {
        List<String> k = keys(doc("a", "Heydar Aliyev"), doc("b", "Ilham Aliyev", "Aliyev"));
        assertThat(k.get(2)).isEqualTo(k.get(1)).isNotEqualTo(k.get(0));
    }

    @Test
    void peopleWhoseSurnamesFoldAlike_butWhoseGivenNamesDiffer_stayApart() {
        List<String> k = keys(doc("a", "Serdar Berdimuhamedov"), doc("b", "Gurbanguly Berdymukhammedov"));
        assertThat(k.get(0)).isNotEqualTo(k.get(1));
    }

    @Test
    void aNameWithAPatronymic_joinsTheSameGivenNameAndSurname() {
        List<String> k = keys(doc("a", "Vladimir Vladimirovich Putin"), doc("b", "Wladimir Putin"));
        assertThat(k.get(0)).isEqualTo(k.get(1));
    }

    @Test
    void aBodyIsNeverAShortFormOfAPerson() {
        List<String> k = keys(doc("a", "Government of Turkmenistan"), doc("b", "Turkmenistan"));
        assertThat(k.get(0)).isNotEqualTo(k.get(1));
    }

    @Test
    void keysDoNotDependOnDocumentOrder() {
        Document a = doc("a", "Sadyr Japarov");
        Document b = doc("b", "Japarov", "Садыр Жапаров");
        List<String> ab = keys(a, b);
        List<String> ba = keys(b, a);
        assertThat(ab.get(0)).isEqualTo(ba.get(2));
        assertThat(ab.subList(1, 3)).isEqualTo(ba.subList(0, 2));
    }

    @Test
    void inASession_aSurnameAlone_joinsTheOnlyEarlierCandidate_andALaterFullNameJoinsAnEarlierSurname() {
        NameResolver r = new NameResolver();
        String full = r.resolve(new Entity("e", "Sadyr Japarov"));
        assertThat(r.resolve(new Entity("f", "Japarov"))).isEqualTo(full);

        NameResolver s = new NameResolver();
        String surname = s.resolve(new Entity("e", "Rahmon"));
        assertThat(s.resolve(new Entity("f", "Emomali Rahmon"))).isEqualTo(surname);
    }
}
