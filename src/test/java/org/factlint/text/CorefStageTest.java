package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorefStageTest {
    @Test
    void anObjectPronoun_isNeverTheSubjectOfItsOwnClause() {
        Stages s = new Stages("Tajik President Emomali Rahmon spoke on Monday. "
                + "Russian President Vladimir Putin called him.").resolved();
        assertThat(s.entityOf("him", 0)).isEqualTo("Emomali Rahmon");
    }

    @Test
    void aRolePhrase_standsForTheLastPersonNamed_otherThanTheSubject() {
        Stages s = new Stages("Russian President Vladimir Putin invited Turkmen President Serdar Berdimuhamedov. "
                + "\"The President of Turkmenistan thanked the leader of a friendly state,\" the agency said.")
                .resolved();
        assertThat(s.entityOf("leader", 0)).isEqualTo("Vladimir Putin");
    }

    @Test
    void aPronounOutsideAQuotation_isNeverSomeoneNamedOnlyInsideIt() {
        Stages s = new Stages("Foreign Minister Sergei Lavrov spoke to reporters. "
                + "\"Antony Blinken will come,\" he said.").resolved();
        assertThat(s.entityOf("he", 0)).isEqualTo("Sergei Lavrov");
    }

    @Test
    void aPronounAfterAQuotation_isThePersonNamedOutsideQuotations_notOneTheQuotationNamed() {
        Stages s = new Stages("Tajik President Emomali Rahmon arrived in Moscow. "
                + "\"Vladimir Putin is a friend,\" he said. The visit is confirmed, his press service said.").resolved();
        assertThat(s.entityOf("his", 0)).isEqualTo("Emomali Rahmon");
    }

    @Test
    void aPossessivePronoun_mayBeTheSubject() {
        Stages s = new Stages("Russian President Vladimir Putin continues to invite his allies.").resolved();
        assertThat(s.entityOf("his", 0)).isEqualTo("Vladimir Putin");
    }

    @Test
    void anEventNoun_isTheLastNamedEvent_whichGetsThePhraseAsASpelling() {
        Stages s = new Stages("Putin invited Rahmon to celebrate Victory Day in Moscow. "
                + "Rahmon will attend the celebrations. The Victory Day parade starts at ten.").resolved();
        assertThat(s.entityOf("celebrations", 0)).isEqualTo("Victory Day");
        assertThat(s.entity("Victory Day").spellings).contains("Victory Day celebrations", "Victory Day parade");
        // "parade" right after the name is part of it, not a second mention of the event
        assertThat(s.mention("parade").entity).isNull();
    }

    @Test
    void anEventNounWithNoNamedEventBefore_isLeftUnresolved() {
        Stages s = new Stages("The ceremony was cancelled.").resolved();
        assertThat(s.mention("ceremony").entity).isNull();
    }

    @Test
    void atAnEventOneCountryHosts_theLeadersOfOtherCountries_areForeignLeaders() {
        Stages s = new Stages("Kyrgyz President Sadyr Japarov and Tajik President Emomali Rahmon met Russian President "
                + "Vladimir Putin and Deputy Foreign Minister Mikhail Galuzin. "
                + "Japarov was the only foreign leader at the parade in Moscow.").resolved();
        var group = s.entity("foreign leader");
        assertThat(group.host).isEqualTo("Russia");
        assertThat(s.entity("Sadyr Japarov").groups).containsExactly(group);
        assertThat(s.entity("Emomali Rahmon").groups).containsExactly(group);
        assertThat(s.entity("Vladimir Putin").groups).as("the host's own").isEmpty();
        assertThat(s.entity("Mikhail Galuzin").groups).as("a minister").isEmpty();
    }

    @Test
    void theHost_mayBeWhoseEventItIs() {
        Stages s = new Stages("Russian President Vladimir Putin spoke on Victory Day. Kazakh President Nursultan "
                + "Nazarbayev was the only foreign leader at Putin's celebrations.").resolved();
        assertThat(s.entity("foreign leader").host).isEqualTo("Russia");
        assertThat(s.mention("Putin").host).isTrue();
        assertThat(s.entity("Nursultan Nazarbayev").groups).containsExactly(s.entity("foreign leader"));
    }

    @Test
    void aGroupMetWithoutAPlace_takesTheHostOfTheEventItNames() {
        Stages s = new Stages("Kyrgyz President Sadyr Japarov attended the Victory Day parade in Moscow. "
                + "There were no guests at the event in 2021.").resolved();
        assertThat(s.entity("foreign leader").host).isEqualTo("Russia");
        assertThat(s.entity("Sadyr Japarov").groups).containsExactly(s.entity("foreign leader"));
    }

    @Test
    void aGroupWithNoHost_hasNoMembers() {
        Stages s = new Stages("Kyrgyz President Sadyr Japarov spoke. There were no guests.").resolved();
        assertThat(s.entity("Sadyr Japarov").groups).isEmpty();
    }
}
