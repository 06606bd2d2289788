package org.factlint.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.factlint.text.Extraction.MentionKind;
import org.junit.jupiter.api.Test;

class NameStageTest {
    @Test
    void aNameWithTitleAndDemonym_isOnePerson_withParty_andItsSurfaceFindsIt() {
        Stages s = new Stages("Russian President Vladimir Putin met Tajik President Emomali Rahmon. Putin thanked Rahmon.");
        assertThat(s.mention("Russian President Vladimir Putin").kind).isEqualTo(MentionKind.NAME);
        assertThat(s.entity("Vladimir Putin").party).isEqualTo("Russia");
        assertThat(s.entity("Vladimir Putin").title).isEqualTo("president");
        assertThat(s.entityOf("Putin", 0)).isEqualTo("Vladimir Putin");
        assertThat(s.entityOf("Rahmon", 0)).isEqualTo("Emomali Rahmon");
        assertThat(s.entity("Emomali Rahmon").party).isEqualTo("Tajikistan");
    }

    @Test
    void aRole_resolvesToThePersonOfThatCountryHoldingSuchATitle() {
        Stages s = new Stages("Turkmen President Serdar Berdimuhamedov spoke by phone. "
                + "The President of Turkmenistan thanked his hosts.");
        assertThat(s.mention("President of Turkmenistan").kind).isEqualTo(MentionKind.ROLE);
        assertThat(s.entityOf("President of Turkmenistan", 0)).isEqualTo("Serdar Berdimuhamedov");
    }

    @Test
    void spellingsThatFoldAlike_areOnePerson() {
        Stages s = new Stages("Serdar Berdimuhamedov arrived. Berdymukhammedov left.");
        assertThat(s.entityOf("Berdymukhammedov", 0)).isEqualTo("Serdar Berdimuhamedov");
        assertThat(s.entity("Serdar Berdimuhamedov").spellings).contains("Berdymukhammedov");
    }

    @Test
    void aPlace_isNotAnActor_andAnOrganisationWord_makesARunNoPerson() {
        Stages s = new Stages("The Victory Day parade was held in Moscow.");
        assertThat(s.mention("Moscow").kind).isEqualTo(MentionKind.PLACE);
        assertThat(s.entity("Victory Day").person).isFalse();
        assertThat(s.entity("Victory Day").event).isTrue();
    }

    @Test
    void aGroupNamedAsAWhole_isAGroupMention_inTheSingularOrPlural() {
        Stages s = new Stages("The only foreign leader to come was Japarov. There were no guests in 2021.");
        assertThat(s.mention("foreign leader").kind).isEqualTo(MentionKind.GROUP);
        assertThat(s.mention("guests").kind).isEqualTo(MentionKind.GROUP);
        assertThat(s.mention("guests").entity).isSameAs(s.mention("foreign leader").entity);
        assertThat(s.entity("foreign leader").members).isEqualTo("foreign-leader");
    }

    @Test
    void aRolePhraseOfAnUnnamedCountry_andAnObjectPronoun_areMarkedNotTheSubject() {
        Stages s = new Stages("Aliyev thanked the leader of a friendly state. Putin called him. He met her team.");
        assertThat(s.mention("leader").kind).isEqualTo(MentionKind.PRONOUN);
        assertThat(s.mention("leader").notSubject).isTrue();
        assertThat(s.mention("him").notSubject).isTrue();
        assertThat(s.mention("He").notSubject).isFalse();
        assertThat(s.mention("her").notSubject).as("a possessive").isFalse();
    }
}
