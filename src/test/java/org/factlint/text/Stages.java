package org.factlint.text;

import java.util.ArrayList;
import java.util.List;
import org.factlint.text.Extraction.EntityRef;
import org.factlint.text.Extraction.Mention;
import org.factlint.text.Extraction.SentenceInfo;

/** The front end's stages run by hand over a few sentences, as {@link Extractor} runs them, for the stage tests. */
final class Stages {
    final Tables tables = Tables.DEFAULT;
    final String text;
    final String norm;
    final NameStage names;
    final SourceStage sources;
    final CorefStage coref;
    final List<SentenceInfo> sentences = new ArrayList<>();

    /** Sentences, cues, source phrases, mentions, then names clustered (passes 1 and 2). */
    Stages(String text) {
        this.text = text;
        this.norm = Nlp.normalize(text);
        this.names = new NameStage(tables, text, norm);
        this.sources = new SourceStage(tables, text, norm, names);
        this.coref = new CorefStage(names, norm);
        for (Nlp.Sentence s : Nlp.analyse(norm, 0)) {
            SentenceInfo si = new SentenceInfo(s, false);
            si.cues = tables.cues.find(norm, s.start(), s.end());
            sources.findSourceSpans(si);
            names.findMentions(si);
            sentences.add(si);
        }
        names.clusterNames(sentences);
    }

    /** Coreference and source chains in reading order, then groups' members (pass 3 without claims). */
    Stages resolved() {
        for (SentenceInfo s : sentences) {
            coref.resolve(s);
            sources.resolveChain(s);
        }
        coref.assignGroups();
        return this;
    }

    /** The {@code nth} (from 0) mention written {@code surface}. */
    Mention mention(String surface, int nth) {
        int seen = 0;
        for (SentenceInfo s : sentences) {
            for (Mention m : s.mentions) {
                if (m.surface.equals(surface) && seen++ == nth) {
                    return m;
                }
            }
        }
        throw new AssertionError("no mention '" + surface + "' #" + nth + " in: " + all());
    }

    Mention mention(String surface) {
        return mention(surface, 0);
    }

    /** The entity a mention resolves to, by name, or null. */
    String entityOf(String surface, int nth) {
        EntityRef e = mention(surface, nth).entity;
        return e == null ? null : e.name;
    }

    EntityRef entity(String name) {
        return names.entitiesByKey.values().stream().filter(e -> e.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity '" + name + "'"));
    }

    List<String> all() {
        List<String> out = new ArrayList<>();
        sentences.forEach(s -> s.mentions.forEach(m -> out.add(m.surface + "/" + m.kind)));
        return out;
    }
}
