package org.circlekeeper.core.resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene side of search. Each entry becomes one document per language it is written in, with
 * that language's analyzer (stop words, accent folding, word families, a stemmer), plus a plain
 * folded field for typo-tolerant (fuzzy) and as-you-type (prefix) matching. The shipped entries
 * are indexed once; a community's own entries go into a small index of their own that is searched
 * together with the shipped one, so statistics (and so ranking) are shared.
 */
final class ResourceIndex {

    static final String ID = "id";
    static final String LANG = "lang";
    static final String KIND = "kind";
    /** One value per country an entry is tied to, or {@link #ANYWHERE}. */
    static final String COUNTRY = "country";
    static final String ANYWHERE = "*";
    static final String RAW = "raw";
    static final String RAW_TITLE = "raw_title";
    static final List<String> LANGUAGES = List.of("en", "es");

    /** Title words weigh most, then tags, then the summary and details. */
    private static final float TITLE_BOOST = 3f;
    private static final float TAGS_BOOST = 2f;
    private static final float FUZZY_BOOST = 0.6f;
    private static final float PREFIX_BOOST = 1.5f;
    /**
     * Multiplies the score of entries in the member's language, so that they come first among
     * similar matches. A factor, not an added constant: scores move with the collection's word
     * statistics (every entry counts, also those a member's search leaves out), a factor does not.
     */
    private static final float LANGUAGE_FACTOR = 1.3f;
    /** Added to entries of a country the search names, so that they come first. */
    private static final float NAMED_COUNTRY_BOOST = 2f;
    /** Hits read before collapsing the language versions of an entry into one result. */
    private static final int MAX_HITS = 300;

    private final Map<String, Analyzer> languageAnalyzers = new HashMap<>();
    private final Analyzer raw;
    private final Analyzer analyzer;
    private final DirectoryReader shipped;
    private final IndexSearcher shippedSearcher;

    ResourceIndex(ResourceCatalog catalog) {
        WordForms forms = catalog.wordForms();
        languageAnalyzers.put("en", english(forms.forLanguage("en")));
        languageAnalyzers.put("es", spanish(forms.forLanguage("es")));
        CharArraySet stop = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stop.addAll(SpanishAnalyzer.getDefaultStopSet());
        raw = plain(CharArraySet.unmodifiableSet(stop));
        Map<String, Analyzer> perField = new HashMap<>();
        for (String language : LANGUAGES) {
            perField.put(title(language), languageAnalyzers.get(language));
            perField.put(body(language), languageAnalyzers.get(language));
            perField.put(tags(language), languageAnalyzers.get(language));
        }
        analyzer = new PerFieldAnalyzerWrapper(raw, perField);
        shipped = build(catalog.entries());
        shippedSearcher = new IndexSearcher(shipped);
    }

    IndexSearcher shippedSearcher() {
        return shippedSearcher;
    }

    /** A searcher over the shipped entries and a community's own, scored as one collection. */
    IndexSearcher withCommunity(Collection<Resource> entries) {
        DirectoryReader community = build(entries);
        try {
            return new IndexSearcher(new MultiReader(new IndexReader[]{shipped, community}, false));
        } catch (IOException e) {
            throw new UncheckedIOException("joining the in-memory resource indexes failed", e);
        }
    }

    /** The words of a text as search terms: lower case, no accents, no stop words (of either language). */
    List<String> plainTerms(String text) {
        return analyze(raw, RAW, text);
    }

    /**
     * The query for some plain terms: each term in each language's fields (stemmed, word families),
     * plus a fuzzy match for typos, plus the entries of the countries the search names (a named
     * country is a search word like any other, whether typed as a name or as a code; with no other
     * word, every entry matches and the named countries' come first); entries in the member's
     * language are preferred afterwards, by {@link #ids}.
     *
     * @param prefix    a partly typed last word to complete (as-you-type), or null
     * @param countries the countries whose entries may be found besides those for anywhere
     *                  ({@link CountryScope}), or null to find entries of every country
     * @param named     the countries the search names, whose entries rank first
     */
    Query query(ResourceKind kind, List<String> terms, String prefix, Set<String> hidden,
                Set<String> countries, Set<String> named) {
        BooleanQuery.Builder text = new BooleanQuery.Builder();
        String joined = String.join(" ", terms);
        for (String language : LANGUAGES) {
            for (String term : new LinkedHashSet<>(analyze(languageAnalyzers.get(language), title(language), joined))) {
                text.add(new BoostQuery(new TermQuery(new Term(title(language), term)), TITLE_BOOST), Occur.SHOULD);
                text.add(new BoostQuery(new TermQuery(new Term(tags(language), term)), TAGS_BOOST), Occur.SHOULD);
                text.add(new TermQuery(new Term(body(language), term)), Occur.SHOULD);
            }
        }
        for (String term : new LinkedHashSet<>(terms)) {
            if (term.length() >= 4) {
                int edits = term.length() <= 5 ? 1 : 2;
                text.add(new BoostQuery(new FuzzyQuery(new Term(RAW, term), edits, 1, 50, true), FUZZY_BOOST), Occur.SHOULD);
            }
        }
        if (prefix != null && !prefix.isEmpty()) {
            text.add(new BoostQuery(new PrefixQuery(new Term(RAW_TITLE, prefix)), PREFIX_BOOST), Occur.SHOULD);
            text.add(new PrefixQuery(new Term(RAW, prefix)), Occur.SHOULD);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Query namedCountries = named.isEmpty() ? null : new BoostQuery(
                new ConstantScoreQuery(new TermInSetQuery(COUNTRY, named.stream().map(BytesRef::new).toList())), NAMED_COUNTRY_BOOST);
        if (text.build().clauses().isEmpty()) {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
            if (namedCountries != null) {
                query.add(namedCountries, Occur.SHOULD);
            }
        } else {
            if (namedCountries != null) {
                text.add(namedCountries, Occur.SHOULD);
            }
            query.add(text.build(), Occur.MUST);
        }
        if (kind != null) {
            query.add(new TermQuery(new Term(KIND, kind.id())), Occur.FILTER);
        }
        if (countries != null) {
            List<BytesRef> admitted = new ArrayList<>();
            admitted.add(new BytesRef(ANYWHERE));
            countries.forEach(c -> admitted.add(new BytesRef(c)));
            query.add(new TermInSetQuery(COUNTRY, admitted), Occur.FILTER);
        }
        if (!hidden.isEmpty()) {
            query.add(new TermInSetQuery(ID, hidden.stream().map(BytesRef::new).toList()), Occur.MUST_NOT);
        }
        return query.build();
    }

    /**
     * The ids of the best matches, best first, each entry once (its best language version counts);
     * versions in the member's language weigh {@link #LANGUAGE_FACTOR} times more.
     */
    List<String> ids(IndexSearcher searcher, Query query, Locale locale) {
        try {
            TopDocs top = searcher.search(query, MAX_HITS);
            StoredFields stored = searcher.storedFields();
            Map<String, Float> best = new LinkedHashMap<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = stored.document(hit.doc, Set.of(ID, LANG));
                float score = locale.getLanguage().equals(doc.get(LANG)) ? hit.score * LANGUAGE_FACTOR : hit.score;
                best.merge(doc.get(ID), score, Math::max);
            }
            List<String> ids = new ArrayList<>(best.keySet());
            ids.sort(Comparator.comparing(best::get, Comparator.reverseOrder()));
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the in-memory resource index failed", e);
        }
    }

    private DirectoryReader build(Collection<Resource> entries) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        IndexWriterConfig config = new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (Resource entry : entries) {
                for (Map.Entry<String, ResourceText> version : entry.texts().entrySet()) {
                    writer.addDocument(document(entry, version.getKey(), version.getValue()));
                }
            }
            writer.commit();
            return DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("building the in-memory resource index failed", e);
        }
    }

    private static Document document(Resource entry, String language, ResourceText text) {
        Document doc = new Document();
        doc.add(new StringField(ID, entry.id(), Field.Store.YES));
        doc.add(new StringField(LANG, language, Field.Store.YES));
        doc.add(new StringField(KIND, entry.kind().id(), Field.Store.NO));
        if (entry.countries().isEmpty()) {
            doc.add(new StringField(COUNTRY, ANYWHERE, Field.Store.NO));
        }
        entry.countries().forEach(country -> doc.add(new StringField(COUNTRY, country, Field.Store.NO)));
        String tagText = String.join(", ", text.tags());
        if (LANGUAGES.contains(language)) {
            doc.add(new TextField(title(language), text.title(), Field.Store.NO));
            doc.add(new TextField(body(language), text.summary() + "\n" + text.details(), Field.Store.NO));
            doc.add(new TextField(tags(language), tagText, Field.Store.NO));
        }
        doc.add(new TextField(RAW, String.join("\n", text.title(), text.summary(), text.details(), tagText), Field.Store.NO));
        doc.add(new TextField(RAW_TITLE, text.title(), Field.Store.NO));
        return doc;
    }

    private static String title(String language) {
        return "title_" + language;
    }

    private static String body(String language) {
        return "body_" + language;
    }

    private static String tags(String language) {
        return "tags_" + language;
    }

    private static List<String> analyze(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e);
        }
        return terms;
    }

    private static Analyzer english(Map<String, String> forms) {
        StemmerOverrideFilter.StemmerOverrideMap families = families(forms);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(source);
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                stream = new ASCIIFoldingFilter(stream);
                if (families != null) {
                    stream = new StemmerOverrideFilter(stream, families);
                }
                return new TokenStreamComponents(source, new PorterStemFilter(stream));
            }
        };
    }

    private static Analyzer spanish(Map<String, String> forms) {
        StemmerOverrideFilter.StemmerOverrideMap families = families(forms);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, SpanishAnalyzer.getDefaultStopSet());
                stream = new ASCIIFoldingFilter(stream);
                if (families != null) {
                    stream = new StemmerOverrideFilter(stream, families);
                }
                return new TokenStreamComponents(source, new SpanishLightStemFilter(stream));
            }
        };
    }

    private static Analyzer plain(CharArraySet stop) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, stop);
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(stream));
            }
        };
    }

    /** Word families as a stemmer override: the family word is kept as is, so the stemmer leaves it alone. */
    private static StemmerOverrideFilter.StemmerOverrideMap families(Map<String, String> forms) {
        if (forms.isEmpty()) {
            return null;
        }
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(true);
        forms.forEach(builder::add);
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("building the word families failed", e);
        }
    }
}
